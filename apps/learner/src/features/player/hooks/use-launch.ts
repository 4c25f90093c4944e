import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLaunch, TLaunchAttemptRequest } from '@asah/contracts/tracking';
import { api } from '@asah/ui/api-client';

/**
 * Launches a SCORM activity (`POST /api/learning/activities/:id/launch`): resumes the open attempt or
 * starts a new one when `newAttempt` is asked and the activity's attempt policy allows it.
 * Exported for the course page too.
 */
export function useLaunch(activityId: string) {
  return useMutation({
    mutationFn: (body: TLaunchAttemptRequest = {}) => api.post<TLaunch>(`/learning/activities/${activityId}/launch`, body),
  });
}

/** After the player closes: the course page and "Pembelajaran Saya" read fresh progress. */
export function useRefreshProgress() {
  const queryClient = useQueryClient();
  // Progress, enrolment status (completed), JP and certificates may all have changed.
  return () => queryClient.invalidateQueries();
}
