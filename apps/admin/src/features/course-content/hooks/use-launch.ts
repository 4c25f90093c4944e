import { useMutation } from '@tanstack/react-query';
import type { TLaunchRequest, TLaunchResponse } from '@asah/contracts/content';
import { api } from '@asah/ui/api-client';
import { contentApiPaths } from '../../courses/course-paths';

/** A short-lived URL on the content origin for a package page, a file or a video. */
export function useLaunch(courseId: string) {
  return useMutation({
    mutationFn: ({ activityId, body = {} }: { activityId: string; body?: TLaunchRequest }) =>
      api.post<TLaunchResponse>(contentApiPaths.launch(courseId, activityId), body),
  });
}
