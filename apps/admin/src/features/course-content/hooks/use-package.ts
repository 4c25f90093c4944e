import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPackageValidation, TPackageVersion, TPackageVersionPage } from '@asah/contracts/content';
import { api } from '@asah/ui/api-client';
import { contentApiPaths } from '../../courses/course-paths';
import { outlineKey } from '../../courses/hooks/use-courses';
import { useUpload } from './use-upload';

/** Versions kept per activity are few (one per upload); the page shows them all. */
const VERSION_PAGE_SIZE = 50;

export const packageVersionsKey = (activityId: string) => ['package-versions', activityId] as const;

/** Newest first; the current one is what new attempts launch. */
export function usePackageVersions(courseId: string, activityId: string, enabled = true) {
  return useQuery({
    queryKey: packageVersionsKey(activityId),
    queryFn: ({ signal }) =>
      api.get<TPackageVersionPage>(contentApiPaths.packageVersions(courseId, activityId), { page: 1, pageSize: VERSION_PAGE_SIZE }, signal),
    enabled,
  });
}

/** Imports a zip as the activity's next version. A refused zip answers PACKAGE_INVALID with the report. */
export function usePackageImport(courseId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useUpload<TPackageVersion>(contentApiPaths.package(courseId, activityId), () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: packageVersionsKey(activityId) }),
      queryClient.invalidateQueries({ queryKey: outlineKey(courseId) }),
    ]),
  );
}

/** Checks a zip without keeping anything. */
export function usePackageValidation(courseId: string, activityId: string) {
  return useUpload<TPackageValidation>(contentApiPaths.validatePackage(courseId, activityId));
}
