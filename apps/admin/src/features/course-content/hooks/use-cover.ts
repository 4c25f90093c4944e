import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCoverImage } from '@asah/contracts/content';
import { api } from '@asah/ui/api-client';
import { courseKey, COURSES_KEY } from '../../courses/hooks/use-courses';
import { contentApiPaths } from '../../courses/course-paths';
import { useUpload } from './use-upload';

const coverUrlKey = (key: string) => ['cover-url', key] as const;

/**
 * The course answer carries only the cover's storage key; its URL on the content origin comes
 * with the upload answer, so it is remembered here for the preview.
 */
export function useCoverUrl(key: string | null): string | null {
  const { data } = useQuery<string | null>({
    queryKey: coverUrlKey(key ?? ''),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  });
  return key ? (data ?? null) : null;
}

export function useCoverUpload(courseId: string) {
  const queryClient = useQueryClient();
  return useUpload<TCoverImage>(contentApiPaths.cover(courseId), (cover) => {
    queryClient.setQueryData(coverUrlKey(cover.key), cover.url);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: courseKey(courseId) }),
      queryClient.invalidateQueries({ queryKey: COURSES_KEY }),
    ]);
  });
}

export function useRemoveCover(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(contentApiPaths.cover(courseId)),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: courseKey(courseId) }),
        queryClient.invalidateQueries({ queryKey: COURSES_KEY }),
      ]),
  });
}
