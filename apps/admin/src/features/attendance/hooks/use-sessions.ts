import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAttendanceSheet,
  TCheckInCode,
  TClassroomSession,
  TClassroomSessionList,
  TCreateSessionRequest,
  TSetAttendanceRequest,
  TUpdateSessionRequest,
} from '@asah/contracts/classroom';
import { api } from '@asah/ui/api-client';
import { enrolmentPaths } from '../../enrolments/enrolment-paths';

export const SESSIONS_KEY = ['sessions'] as const;
export const attendanceKey = (sessionId: string) => [...SESSIONS_KEY, 'attendance', sessionId] as const;

/** The sessions of one classroom activity, by start. */
export function useSessions(courseId: string, activityId: string) {
  return useQuery({
    queryKey: [...SESSIONS_KEY, 'activity', courseId, activityId],
    queryFn: ({ signal }) => api.get<TClassroomSessionList>(enrolmentPaths.sessions(courseId, activityId), undefined, signal).then((list) => list.items),
  });
}

export function useCreateSession(courseId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateSessionRequest) => api.post<TClassroomSession>(enrolmentPaths.sessions(courseId, activityId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateSessionRequest }) => api.patch<TClassroomSession>(enrolmentPaths.session(id), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(enrolmentPaths.session(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useAttendance(sessionId: string) {
  return useQuery({
    queryKey: attendanceKey(sessionId),
    queryFn: ({ signal }) => api.get<TAttendanceSheet>(enrolmentPaths.attendance(sessionId), { pageSize: 500 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSetAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetAttendanceRequest) => api.put<TAttendanceSheet>(enrolmentPaths.attendance(sessionId), body),
    onSuccess: (sheet) => {
      // The answer is the saved sheet (its first page): show it at once when it holds everyone.
      if (sheet.items.length >= sheet.total) queryClient.setQueryData(attendanceKey(sessionId), sheet);
      return queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
}

/**
 * The current check-in code, fetched again just before it expires so the QR code on the screen
 * always scans (the API also accepts the previous one).
 */
export function useCheckInCode(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...SESSIONS_KEY, 'check-in-code', sessionId],
    queryFn: ({ signal }) => api.get<TCheckInCode>(enrolmentPaths.checkInCode(sessionId), undefined, signal),
    enabled,
    refetchInterval: (query) => {
      const expiresAt = query.state.data?.expiresAt;
      if (!expiresAt) return false;
      return Math.max(5_000, Date.parse(expiresAt) - Date.now() - 5_000);
    },
    retry: false,
  });
}
