import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCourseDetail } from '@asah/contracts/courses';
import { COURSE_PROGRESS_FILTERS, type TCourseProgressRow } from '@asah/contracts/tracking';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Nip } from '@asah/ui/components/Nip';
import { Pagination } from '@asah/ui/components/Pagination';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { useClampPage } from '../../../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';
import { useCohorts } from '../../cohorts/hooks/use-cohorts';
import { formatDateTime } from '../../courses/format';
import { EnrolmentStatusBadge } from '../../enrolments/components/EnrolmentStatusBadge';
import { formatDuration, formatScore } from '../format';
import { progressCsvUrl, useCourseProgress } from '../hooks/use-progress';

const PAGE_SIZE = 25;
const KEYS = ['q', 'progres', 'cohort', 'urut'] as const;

/** "Progres": every learner of the course with status, score, learning time and last activity. */
export function ProgressTab({ course }: { course: TCourseDetail }) {
  const { t, i18n } = useTranslation();
  const cohorts = useCohorts(course.id);
  const { values, page, update } = useListParams(KEYS);
  const query = {
    page,
    pageSize: PAGE_SIZE,
    q: values.q || undefined,
    progress: values.progres || undefined,
    cohortId: values.cohort || undefined,
    sort: values.urut || undefined,
  };
  const progress = useCourseProgress(course.id, query);
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(progress.data?.total, PAGE_SIZE, page, goToPage);
  const units = { h: t('progress.hours'), m: t('progress.minutes'), s: t('progress.seconds') };

  const columns: Column<TCourseProgressRow>[] = [
    {
      id: 'learner',
      header: t('enrolments.learner'),
      cell: (row) => (
        <>
          <Link to={`/kursus/${course.id}/progres/${row.user.id}`} className="cell-strong">
            {row.user.name}
          </Link>
          <span className="cell-sub">
            <Nip value={row.user.nip} />
          </span>
          {row.user.unit && <span className="cell-sub">{row.user.unit}</span>}
        </>
      ),
    },
    { id: 'cohort', header: t('enrolments.cohort'), cell: (row) => row.cohort?.name ?? t('common.none') },
    { id: 'status', header: t('common.status'), className: 'nowrap', cell: (row) => <EnrolmentStatusBadge status={row.enrolmentStatus} /> },
    {
      id: 'percent',
      header: t('progress.percent'),
      className: 'nowrap',
      cell: (row) => (
        <>
          <span data-testid="progress-percent">{row.percent}%</span>
          <span className="cell-sub">{t('progress.doneOf', { done: row.doneActivities, counted: row.countedActivities })}</span>
        </>
      ),
    },
    { id: 'score', header: t('progress.score'), className: 'num', cell: (row) => formatScore(row.scoreScaled, i18n.language) ?? t('common.none') },
    { id: 'time', header: t('progress.time'), className: 'num nowrap', cell: (row) => formatDuration(row.totalTimeSeconds, units) },
    { id: 'last', header: t('progress.lastActivity'), className: 'nowrap', cell: (row) => (row.lastActivityAt ? formatDateTime(row.lastActivityAt, i18n.language) : t('common.none')) },
  ];

  return (
    <>
      <div className="toolbar">
        <SearchField label={t('enrolments.search')} placeholder={t('enrolments.searchPlaceholder')} value={values.q} onChange={(q) => update({ q })} />
        <SelectField label={t('progress.filter')} name="progres" value={values.progres} onChange={(e) => update({ progres: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {COURSE_PROGRESS_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`progress.filters.${f}`)}
            </option>
          ))}
        </SelectField>
        {(cohorts.data?.length ?? 0) > 0 && (
          <SelectField label={t('enrolments.cohort')} name="cohort" value={values.cohort} onChange={(e) => update({ cohort: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {cohorts.data!.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t('progress.sort')} name="urut" value={values.urut} onChange={(e) => update({ urut: e.target.value })}>
          <option value="">{t('progress.sorts.name')}</option>
          <option value="percent">{t('progress.sorts.percent')}</option>
          <option value="lastActivityAt">{t('progress.sorts.lastActivityAt')}</option>
        </SelectField>
        <div className="toolbar-end">
          <a href={progressCsvUrl(course.id, query)} className="btn btn-secondary" download>
            {t('progress.exportCsv')}
          </a>
        </div>
      </div>
      {progress.isError && <ErrorBanner error={progress.error} onRetry={() => void progress.refetch()} />}
      {progress.isPending && <LoadingState />}
      {progress.data && progress.data.total === 0 && <EmptyState title={t('progress.emptyTitle')} description={<p>{t('progress.emptyBody')}</p>} />}
      {progress.data && progress.data.total > 0 && (
        <>
          <DataTable caption={t('progress.tableCaption')} columns={columns} rows={progress.data.items} rowKey={(row) => row.enrolmentId} busy={progress.isPlaceholderData} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={progress.data.total} onPageChange={goToPage} />
        </>
      )}
    </>
  );
}
