import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCompetencyProfile, TProfileItem } from '@asah/contracts/competency';
import type { TEnrolment } from '@asah/contracts/enrolments';
import { api } from '@asah/ui/api-client';
import type { GapView } from '../profile-rows';

export const PROFILE_KEY = ['competency-profile'] as const;

/** Enrolments that no longer hold a place: the course is worth offering again. */
const ENDED = new Set(['withdrawn', 'expired']);

export interface ProfileView {
  positionName: string | null;
  /** Competencies the current position requires, in dictionary order. */
  rows: GapView[];
  raw: TCompetencyProfile;
}

export function toProfileView(profile: TCompetencyProfile): ProfileView {
  const rows = profile.items.flatMap((item) => (item.current ? [toGapView(item, item.current)] : []));
  return { positionName: profile.user.position?.name ?? null, rows, raw: profile };
}

function toGapView(item: TProfileItem, gap: NonNullable<TProfileItem['current']>): GapView {
  return {
    code: item.competency.code,
    name: item.competency.name,
    group: item.competency.group,
    requiredLevel: gap.requiredLevel,
    currentLevel: item.currentLevel,
    gap: gap.gap,
    severity: gap.severity,
    flaggedLevel: item.flaggedEvidenceLevel,
    courses: item.recommendations.map((course) => ({
      id: course.courseId,
      title: course.title,
      jp: course.jp,
      targetLevel: course.targetLevel,
      closesGap: course.closesGap,
      enrolled: course.enrolmentStatus !== null && !ENDED.has(course.enrolmentStatus),
      enrolmentStatus: course.enrolmentStatus,
    })),
  };
}

export function useMyCompetencyProfile() {
  return useQuery({
    queryKey: PROFILE_KEY,
    queryFn: ({ signal }) => api.get<TCompetencyProfile>('/me/competency-profile', undefined, signal),
    select: toProfileView,
  });
}

/** Enrols from a gap card (POST /enrolments, the same call as the course page); the card then says "enrolled". */
export function useEnrolFromGap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => api.post<TEnrolment>('/enrolments', { courseId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PROFILE_KEY }),
        queryClient.invalidateQueries({ queryKey: ['enrolments'] }),
      ]),
  });
}
