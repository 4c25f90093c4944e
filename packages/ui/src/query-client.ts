import { QueryClient } from '@tanstack/react-query';
import { ApiError, configureApiClient } from './api-client';
import { clearSession, ME_QUERY_KEY } from './auth/queries';
import { setSessionNotice } from './auth/session-notice';

/** Client errors (4xx) are answers, not hiccups: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** One query client per portal, wired so a lost session sends the user back to the login page. */
export function createQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  configureApiClient({
    onSessionLost: (reason) => {
      // Only someone who was signed in lost a session; a first visit simply has none.
      if (queryClient.getQueryData(ME_QUERY_KEY)) setSessionNotice(reason.code);
      clearSession(queryClient);
    },
  });
  return queryClient;
}
