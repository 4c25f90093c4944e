import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contentPaths, type TLaunchResponse } from '@asah/contracts/content';
import type { TActivityContent, TActivityViewed } from '@asah/contracts/tracking';
import { api } from '@asah/ui/api-client';

/** The page text, or the file's name and size, of a page, file or video activity. */
const SHOWN_KEY = ['learning', 'shown'] as const;

export function useActivityContent(activityId: string) {
  return useQuery({
    queryKey: [...SHOWN_KEY, 'content', activityId],
    queryFn: ({ signal }) => api.get<TActivityContent>(`/learning/activities/${activityId}/content`, undefined, signal),
  });
}

/**
 * A short-lived URL of the file or video on the content origin (`POST /api/courses/:id/activities/:activityId/launch`).
 * The browser fetches it from there without the portal session cookie.
 */
export function useContentUrl(courseId: string, activityId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...SHOWN_KEY, 'url', activityId],
    // The api client prefixes `/api`; contentPaths holds the full path.
    queryFn: () => api.post<TLaunchResponse>(contentPaths.launch(courseId, activityId).replace(/^\/api/, ''), {}),
    enabled,
    // The URL expires; a fresh one each time the activity is opened.
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
}

/** `POST /api/learning/activities/:id/viewed`: opening the activity counts it as done for the course rule. */
export function useMarkViewed(activityId: string) {
  return useMutation({
    mutationFn: () => api.post<TActivityViewed>(`/learning/activities/${activityId}/viewed`, {}),
  });
}

/**
 * After `viewed`: progress, enrolment status, JP and certificates may all have changed; everything is
 * read again except what is on screen (a new content URL would restart a playing video).
 */
export function useRefreshAfterViewed() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (query) => !(query.queryKey[0] === SHOWN_KEY[0] && query.queryKey[1] === SHOWN_KEY[1]) });
}
