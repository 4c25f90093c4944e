import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAsset, TCreateTemplateRequest, TTemplate, TUpdateTemplateRequest } from '@asah/contracts/certificates';
import type { TPage } from '@asah/contracts/common';
import { api } from '@asah/ui/api-client';
import { fetchFile } from '@asah/ui/fetch-file';
import { uploadWithProgress, type UploadProgress } from '@asah/ui/upload';
import { useState } from 'react';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { certificatePaths } from '../certificate-paths';

export const TEMPLATES_KEY = ['certificate-templates'] as const;
const templateKey = (id: string) => [...TEMPLATES_KEY, 'detail', id] as const;

export function useTemplates(page: number, pageSize: number, includeArchived = false) {
  const scope = useAgencyScope();
  const query = { page, pageSize, agencyId: scope.agencyId, includeArchived: includeArchived ? 'true' : undefined };
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'list', scopeKey(scope), query],
    queryFn: ({ signal }) => api.get<TPage<TTemplate>>(certificatePaths.templates, query, signal),
    enabled: scope.ready,
    placeholderData: keepPreviousData,
  });
}

export function useTemplate(id: string | undefined) {
  return useQuery({
    queryKey: templateKey(id ?? ''),
    queryFn: ({ signal }) => api.get<TTemplate>(certificatePaths.template(id!), undefined, signal),
    enabled: id !== undefined,
  });
}

export function useSaveTemplate(id: string | undefined) {
  const queryClient = useQueryClient();
  const scope = useAgencyScope();
  return useMutation({
    mutationFn: (content: TUpdateTemplateRequest) =>
      id
        ? api.put<TTemplate>(certificatePaths.template(id), content)
        : api.post<TTemplate>(certificatePaths.templates, { ...content, agencyId: scope.agencyId } satisfies TCreateTemplateRequest),
    onSuccess: (template) => {
      queryClient.setQueryData(templateKey(template.id), template);
      return queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

/** Renders the unsaved design with sample data on the API (the same renderer as the real certificates). */
export function useTemplatePreview() {
  const scope = useAgencyScope();
  return useMutation({
    mutationFn: (content: TUpdateTemplateRequest) =>
      fetchFile(certificatePaths.templatePreview, { method: 'POST', body: { ...content, agencyId: scope.agencyId } }),
  });
}

/** Uploads a background, signature or logo with its progress. */
export function useAssetUpload(kind: TAsset['kind']) {
  const scope = useAgencyScope();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress({ loaded: 0, total: file.size, percent: 0 });
      return uploadWithProgress<TAsset>(certificatePaths.assets, file, { fields: { kind, agencyId: scope.agencyId }, onProgress: setProgress });
    },
  });
  return { ...mutation, progress };
}
