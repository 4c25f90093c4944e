import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBulkEnrolReport,
  TBulkEnrolRequest,
  TCourseEnrolmentQuery,
  TCourseEnrolmentSettings,
  TEnrolmentRow,
  TEnrolmentRowPage,
  TUpdateCourseEnrolmentSettingsRequest,
} from '@asah/contracts/enrolments';
import { api, type QueryParams } from '@asah/ui/api-client';
import { enrolmentPaths } from '../enrolment-paths';

export const ENROLMENTS_KEY = ['enrolments'] as const;
export const settingsKey = (courseId: string) => [...ENROLMENTS_KEY, 'settings', courseId] as const;

/** The query as sent (booleans as the text the API coerces). */
export type CourseEnrolmentFilters = QueryParams & Partial<Pick<TCourseEnrolmentQuery, 'page' | 'pageSize'>>;

export function useCourseEnrolments(courseId: string, filters: CourseEnrolmentFilters) {
  return useQuery({
    queryKey: [...ENROLMENTS_KEY, 'course', courseId, filters],
    queryFn: ({ signal }) => api.get<TEnrolmentRowPage>(enrolmentPaths.courseEnrolments(courseId), filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** Seats and waitlists of cohorts move with every enrolment change, so cohorts refresh too. */
function useInvalidateEnrolments() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ENROLMENTS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['cohorts'] }),
      queryClient.invalidateQueries({ queryKey: ['approvals'] }),
    ]);
}

export function useWithdrawEnrolment() {
  const invalidate = useInvalidateEnrolments();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) => api.post<TEnrolmentRow>(enrolmentPaths.withdraw(id), reason ? { reason } : {}),
    onSuccess: invalidate,
  });
}

export function useCompleteEnrolment() {
  const invalidate = useInvalidateEnrolments();
  return useMutation({
    mutationFn: (id: string) => api.post<TEnrolmentRow>(enrolmentPaths.complete(id)),
    onSuccess: invalidate,
  });
}

export function useBulkEnrol(courseId: string) {
  const invalidate = useInvalidateEnrolments();
  return useMutation({
    mutationFn: (body: TBulkEnrolRequest) => api.post<TBulkEnrolReport>(enrolmentPaths.bulk(courseId), body),
    onSuccess: (report) => (report.dryRun ? undefined : invalidate()),
  });
}

export interface BulkCsvInput {
  file: File;
  cohortId?: string;
  deadline?: string;
  dryRun: boolean;
}

export function useBulkEnrolCsv(courseId: string) {
  const invalidate = useInvalidateEnrolments();
  return useMutation({
    mutationFn: ({ file, cohortId, deadline, dryRun }: BulkCsvInput) =>
      api.upload<TBulkEnrolReport>(enrolmentPaths.bulkCsv(courseId), file, { cohortId, deadline, dryRun: String(dryRun) }),
    onSuccess: (report) => (report.dryRun ? undefined : invalidate()),
  });
}

export function useEnrolmentSettings(courseId: string) {
  return useQuery({
    queryKey: settingsKey(courseId),
    queryFn: ({ signal }) => api.get<TCourseEnrolmentSettings>(enrolmentPaths.settings(courseId), undefined, signal),
  });
}

export function useUpdateEnrolmentSettings(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCourseEnrolmentSettingsRequest) => api.put<TCourseEnrolmentSettings>(enrolmentPaths.settings(courseId), body),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey(courseId), settings);
      // A cohort without its own policy follows the course's.
      return queryClient.invalidateQueries({ queryKey: ['cohorts'] });
    },
  });
}
