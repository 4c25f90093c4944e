import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TMySession } from '@asah/contracts/classroom';
import type { TPage } from '@asah/contracts/common';
import { JP_YEAR_MIN, type TJpEntry } from '@asah/contracts/jp-ledger';
import { api } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { coursePath } from '../features/course/course-paths';
import { JpLedger } from '../features/jp/components/JpLedger';
import { JpSummaryCard } from '../features/jp/components/JpSummaryCard';
import { useMyJp } from '../features/jp/hooks/use-jp';
import { jakartaYear } from '../features/learning/format';
import { useMyEnrolments } from '../features/learning/hooks/use-my-enrolments';
import '../features/learning/learning.css';
import { useListParams } from '@asah/ui/use-list-params';

export function JpRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('jp.title'), t('portal.name'));
  const thisYear = jakartaYear();
  const { values, update } = useListParams(['tahun'] as const);
  const asked = Number(values.tahun);
  const year = Number.isInteger(asked) && asked >= JP_YEAR_MIN && asked <= thisYear ? asked : thisYear;
  const jp = useMyJp(year === thisYear ? undefined : year);
  const sourceLink = useSourceLinks(year);

  const yearSwitch = (
    <div className="year-switch" role="group" aria-label={t('jp.yearSwitch')}>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => update({ tahun: year - 1 })} disabled={year <= JP_YEAR_MIN} aria-label={t('jp.previousYear', { year: year - 1 })}>
        ← {year - 1}
      </button>
      <strong aria-live="polite">{year}</strong>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => update({ tahun: year + 1 === thisYear ? null : year + 1 })} disabled={year >= thisYear} aria-label={t('jp.nextYear', { year: year + 1 })}>
        {year + 1} →
      </button>
    </div>
  );

  return (
    <>
      <PageHeader title={t('jp.title')} description={t('jp.description')} actions={yearSwitch} />
      {jp.isError && <ErrorBanner error={jp.error} onRetry={() => void jp.refetch()} />}
      {jp.isPending && <LoadingState />}
      {jp.data && (
        <>
          <JpSummaryCard summary={jp.data} current={jp.data.year === thisYear} showLink={false} />
          <JpLedger entries={jp.data.entries} sourceLink={sourceLink} busy={jp.isPlaceholderData} />
        </>
      )}
    </>
  );
}

/** Entries name their source by id: enrolments and sessions lead to their course page, logs to the log list. */
function useSourceLinks(year: number): (entry: TJpEntry) => string | null {
  const enrolments = useMyEnrolments({ show: 'all', pageSize: 200 });
  const sessions = useQuery({
    queryKey: ['learning', 'sessions', year],
    queryFn: ({ signal }) => api.get<TPage<TMySession>>('/me/sessions', { from: `${year}-01-01`, to: `${year}-12-31`, pageSize: 200 }, signal),
  });
  const courseOfEnrolment = new Map((enrolments.data?.items ?? []).map((e) => [e.id, e.courseId]));
  const courseOfSession = new Map((sessions.data?.items ?? []).map((s) => [s.id, s.course.id]));
  return (entry) => {
    switch (entry.sourceType) {
      case 'course_completion': {
        const courseId = courseOfEnrolment.get(entry.sourceId);
        return courseId ? coursePath(courseId) : null;
      }
      case 'classroom_session': {
        const courseId = courseOfSession.get(entry.sourceId);
        return courseId ? coursePath(courseId) : null;
      }
      case 'non_classroom':
        return `/pengembangan#log-${entry.sourceId}`;
    }
  };
}
