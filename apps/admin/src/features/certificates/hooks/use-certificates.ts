import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAgencyCertificateSettings,
  TBulkIssueRequest,
  TBulkJob,
  TBulkJobItem,
  TBulkIssueOutcome,
  TCertificate,
  TCertificateStatus,
  TCourseCertificateSettings,
  TIssueCertificateRequest,
  TUpdateAgencyCertificateSettings,
  TUpdateCourseCertificateSettings,
} from '@asah/contracts/certificates';
import type { TPage } from '@asah/contracts/common';
import { api } from '@asah/ui/api-client';
import { fetchFile, fileNameFrom, saveBlob } from '@asah/ui/fetch-file';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { certificatePaths } from '../certificate-paths';

export const CERTIFICATES_KEY = ['certificates'] as const;

export interface CertificateFilters {
  q?: string;
  status?: TCertificateStatus;
  courseId?: string;
  page: number;
  pageSize: number;
}

export function useCertificates(filters: CertificateFilters) {
  const scope = useAgencyScope();
  const query = { ...filters, agencyId: scope.agencyId };
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'list', scopeKey(scope), query],
    queryFn: ({ signal }) => api.get<TPage<TCertificate>>(certificatePaths.certificates, query, signal),
    enabled: scope.ready,
    placeholderData: keepPreviousData,
  });
}

export function useIssueCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TIssueCertificateRequest) => api.post<TCertificate>(certificatePaths.certificates, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CERTIFICATES_KEY }),
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<TCertificate>(certificatePaths.revoke(id), { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CERTIFICATES_KEY }),
  });
}

export function useCertificateDownload() {
  return useMutation({
    mutationFn: async ({ certificate, file }: { certificate: TCertificate; file: 'pdf' | 'credential' }) => {
      const blob = await fetchFile(file === 'pdf' ? certificatePaths.pdf(certificate.id) : certificatePaths.credential(certificate.id));
      saveBlob(blob, fileNameFrom(certificate.number, file === 'pdf' ? 'pdf' : 'json'));
    },
  });
}

export function useStartBulkIssue(courseId: string) {
  return useMutation({
    mutationFn: (body: TBulkIssueRequest) => api.post<TBulkJob>(certificatePaths.bulk(courseId), body),
  });
}

const jobKey = (id: string) => [...CERTIFICATES_KEY, 'job', id] as const;
const isRunning = (job: TBulkJob | undefined) => job === undefined || job.status === 'queued' || job.status === 'running';

/** Polls the job once a second while it runs; the progress bar reads `processed / total`. */
export function useBulkJob(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: jobKey(id),
    queryFn: async ({ signal }) => {
      const job = await api.get<TBulkJob>(certificatePaths.job(id), undefined, signal);
      // Newly issued certificates belong in the list as soon as the job is done.
      if (!isRunning(job)) void queryClient.invalidateQueries({ queryKey: [...CERTIFICATES_KEY, 'list'] });
      return job;
    },
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

export function useBulkJobItems(id: string, page: number, pageSize: number, outcome: TBulkIssueOutcome | undefined, enabled: boolean) {
  const query = { page, pageSize, outcome };
  return useQuery({
    queryKey: [...jobKey(id), 'items', query],
    queryFn: ({ signal }) => api.get<TPage<TBulkJobItem>>(certificatePaths.jobItems(id), query, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRecentJobs() {
  const scope = useAgencyScope();
  const query = { page: 1, pageSize: 5, agencyId: scope.agencyId };
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'jobs', scopeKey(scope)],
    queryFn: ({ signal }) => api.get<TPage<TBulkJob>>(certificatePaths.jobs, query, signal),
    enabled: scope.ready,
  });
}

const settingsKey = (scope: string) => ['certificate-settings', scope] as const;

export function useNumberingSettings() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: settingsKey(scopeKey(scope)),
    queryFn: ({ signal }) => api.get<TAgencyCertificateSettings>(certificatePaths.settings, { agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}

export function useSaveNumberingSettings() {
  const scope = useAgencyScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateAgencyCertificateSettings) =>
      api.put<TAgencyCertificateSettings>(certificatePaths.settings, { ...body, agencyId: scope.agencyId }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey(scopeKey(scope)), settings),
  });
}

const courseSettingsKey = (courseId: string) => ['certificate-settings', 'course', courseId] as const;

export function useCourseCertificateSettings(courseId: string) {
  return useQuery({
    queryKey: courseSettingsKey(courseId),
    queryFn: ({ signal }) => api.get<TCourseCertificateSettings>(certificatePaths.courseSettings(courseId), undefined, signal),
  });
}

export function useSaveCourseCertificateSettings(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCourseCertificateSettings) => api.put<TCourseCertificateSettings>(certificatePaths.courseSettings(courseId), body),
    onSuccess: (settings) => queryClient.setQueryData(courseSettingsKey(courseId), settings),
  });
}
