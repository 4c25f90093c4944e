import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TChangePasswordRequest, TLoginRequest, TMe } from '@asah/contracts/auth';
import { api, isApiError } from '../api-client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<TMe | null> {
  try {
    return await api.get<TMe>('/auth/me');
  } catch (error) {
    if (isApiError(error) && (error.status === 401 || error.code === 'ACCOUNT_INACTIVE')) return null;
    throw error;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Forgets every cached answer and marks the visitor as signed out (the guards then show login). */
export function clearSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
  queryClient.setQueryData(ME_QUERY_KEY, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLoginRequest) => api.post<TMe>('/auth/login', body),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Signed out locally even if the call failed: the cookies are gone or will expire anyway.
    onSettled: () => clearSession(queryClient),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TChangePasswordRequest) => api.post<void>('/auth/password', body),
    onSuccess: () => {
      // Lift the temporary-password hold at once, so the guard does not bounce the next navigation.
      queryClient.setQueryData<TMe | null>(ME_QUERY_KEY, (me) => me && { ...me, mustChangePassword: false });
      return queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
