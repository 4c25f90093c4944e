import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TImportPreview, TImportResult } from '@asah/contracts/user-import';
import { api } from '@asah/ui/api-client';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

/** Checks the file row by row without saving anything. */
export function useImportPreview() {
  const scope = useAgencyScope();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<TImportPreview>('/users/import/preview', file, { agencyId: scope.agencyId }),
  });
}

/** Creates the valid rows of the same file; invalid rows are reported back, not imported. */
export function useImportCommit() {
  const scope = useAgencyScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<TImportResult>('/users/import', file, { agencyId: scope.agencyId }),
    onSuccess: () =>
      Promise.all(
        [['users'], ['units'], ['positions'], ['dashboard']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
