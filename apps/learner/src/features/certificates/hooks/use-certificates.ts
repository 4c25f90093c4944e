import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { TCertificate, TVerification } from '@asah/contracts/certificates';
import type { TPage } from '@asah/contracts/common';
import { api, isApiError } from '@asah/ui/api-client';
import { fetchFile, fileNameFrom, saveBlob } from '@asah/ui/fetch-file';

export const MY_CERTIFICATES_KEY = ['me', 'certificates'] as const;

export function useMyCertificates(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...MY_CERTIFICATES_KEY, page, pageSize],
    queryFn: ({ signal }) => api.get<TPage<TCertificate>>('/me/certificates', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The public verification of a code; `null` when no certificate has it (the API answers 404). */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['verify', code],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<TVerification>(`/verify/${encodeURIComponent(code)}`, undefined, signal);
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
    // A revocation should show the next time the page is opened, not from a cache.
    staleTime: 0,
    retry: (count, error) => !isApiError(error, 'TOO_MANY_ATTEMPTS') && count < 2,
  });
}

export type CertificateFile = 'pdf' | 'credential';

/** Downloads the PDF or the Open Badges credential of one certificate. */
export function useCertificateDownload() {
  return useMutation({
    mutationFn: async ({ certificate, file }: { certificate: TCertificate; file: CertificateFile }) => {
      const blob = await fetchFile(`/certificates/${certificate.id}/${file}`);
      saveBlob(blob, fileNameFrom(certificate.number, file === 'pdf' ? 'pdf' : 'json'));
    },
  });
}
