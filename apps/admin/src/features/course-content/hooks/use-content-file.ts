import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TActivityFile, TContentFile } from '@asah/contracts/content';
import { api } from '@asah/ui/api-client';
import { contentApiPaths } from '../../courses/course-paths';
import { useUpload } from './use-upload';

export const contentFileKey = (activityId: string) => ['content-file', activityId] as const;

/** The file or video of an activity, or null before one is uploaded. */
export function useContentFile(courseId: string, activityId: string) {
  return useQuery({
    queryKey: contentFileKey(activityId),
    queryFn: async ({ signal }) => (await api.get<TActivityFile>(contentApiPaths.file(courseId, activityId), undefined, signal)).file,
  });
}

/** Replaces the activity's file or video. */
export function useContentFileUpload(courseId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useUpload<TContentFile>(contentApiPaths.file(courseId, activityId), (file) => {
    queryClient.setQueryData(contentFileKey(activityId), file);
  });
}
