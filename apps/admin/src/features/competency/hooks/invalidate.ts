import type { QueryClient } from '@tanstack/react-query';

/**
 * Every competency view hangs off the same data (an assessment moves the heatmap, the profile and the
 * plan's suggested targets), so a write refreshes them all under the one `competency` key.
 */
export function invalidateCompetency(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: ['competency'] });
}
