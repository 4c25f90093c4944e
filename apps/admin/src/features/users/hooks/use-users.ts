import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import type {
  TCreateUserRequest,
  TResetPasswordResponse,
  TUpdateUserRequest,
  TUser,
  TUserListQuery,
  TUserWithPassword,
} from '@asah/contracts/users';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

export const USERS_KEY = ['users'] as const;

export type UserListFilters = Partial<Omit<TUserListQuery, 'agencyId'>>;

export function useUsers(filters: UserListFilters) {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: [...USERS_KEY, scopeKey(scope), filters],
    queryFn: ({ signal }) => api.get<TPage<TUser>>('/users', { ...filters, agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
    placeholderData: keepPreviousData,
  });
}

/** Unit and position employee counts move with every user change. */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [USERS_KEY, ['units'], ['positions'], ['dashboard']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

export function useCreateUser() {
  const scope = useAgencyScope();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: TCreateUserRequest) =>
      api.post<TUserWithPassword>('/users', { ...body, agencyId: scope.agencyId }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateUserRequest }) => api.patch<TUser>(`/users/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TResetPasswordResponse>(`/users/${id}/reset-password`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
