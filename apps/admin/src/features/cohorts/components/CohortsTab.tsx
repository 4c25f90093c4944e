import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCohort, TCohortState } from '@asah/contracts/cohorts';
import type { TCourseDetail } from '@asah/contracts/courses';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { formatDateTime } from '../../courses/format';
import { formatDay } from '../../enrolments/format';
import { useIsAdmin } from '../../enrolments/hooks/use-is-admin';
import { useCohorts, useDeleteCohort } from '../hooks/use-cohorts';
import { CohortFormDialog, type CohortDialogState } from './CohortFormDialog';

const STATE_TONES: Record<TCohortState, BadgeTone> = {
  not_yet_open: 'neutral',
  open: 'success',
  waitlist: 'warning',
  full: 'danger',
  closed: 'neutral',
};

/** "Angkatan": the course's cohorts with seats, waitlist and windows; admins create, edit and delete them. */
export function CohortsTab({ course }: { course: TCourseDetail }) {
  const { t, i18n } = useTranslation();
  const isAdmin = useIsAdmin();
  const cohorts = useCohorts(course.id);
  const remove = useDeleteCohort();
  const [dialog, setDialog] = useState<CohortDialogState>(null);
  const [deleting, setDeleting] = useState<TCohort | null>(null);
  const language = i18n.language;

  const columns: Column<TCohort>[] = [
    {
      id: 'name',
      header: t('cohorts.name'),
      cell: (c) => (
        <>
          <span className="cell-strong">{c.name}</span>
          <span className="cell-sub">
            <Badge tone={STATE_TONES[c.state]}>{t(`cohorts.state.${c.state}`)}</Badge>
          </span>
        </>
      ),
    },
    {
      id: 'dates',
      header: t('cohorts.dates'),
      className: 'nowrap',
      cell: (c) => `${formatDay(c.startsOn, language)} – ${formatDay(c.endsOn, language)}`,
    },
    {
      id: 'window',
      header: t('cohorts.window'),
      cell: (c) => (
        <>
          <span>{c.enrolmentOpensAt ? t('cohorts.opensAt', { at: formatDateTime(c.enrolmentOpensAt, language) }) : t('cohorts.openNow')}</span>
          <span className="cell-sub">{c.enrolmentClosesAt ? t('cohorts.closesAt', { at: formatDateTime(c.enrolmentClosesAt, language) }) : t('cohorts.closesAtEnd')}</span>
        </>
      ),
    },
    {
      id: 'seats',
      header: t('cohorts.seats'),
      className: 'nowrap',
      cell: (c) => (
        <>
          <span data-testid="cohort-seats">{c.capacity === null ? t('cohorts.seatsUnlimited', { taken: c.seatsTaken }) : t('cohorts.seatsOf', { taken: c.seatsTaken, capacity: c.capacity })}</span>
          <span className="cell-sub">
            {!c.waitlistEnabled ? (
              t('cohorts.waitlistOff')
            ) : c.waitlistCount > 0 ? (
              // The waitlist itself: the cohort's participants filtered to "Daftar tunggu", in order.
              <Link to={`/kursus/${course.id}/peserta?cohort=${c.id}&status=waitlisted`}>{t('cohorts.waitlistCount', { count: c.waitlistCount })}</Link>
            ) : (
              t('cohorts.waitlistCount', { count: 0 })
            )}
          </span>
        </>
      ),
    },
    { id: 'deadline', header: t('cohorts.deadline'), className: 'nowrap', cell: (c) => (c.deadline ? formatDay(c.deadline, language) : t('common.none')) },
    {
      id: 'instructors',
      header: t('cohorts.instructors'),
      cell: (c) => (c.instructors.length ? c.instructors.map((i) => i.name).join(', ') : <span className="muted">{t('common.none')}</span>),
    },
    {
      id: 'policy',
      header: t('cohorts.policy'),
      cell: (c) => (
        <>
          {t(`enrolmentSettings.policies.${c.effectivePolicy}`)}
          {c.enrolmentPolicy === null && <span className="cell-sub">{t('cohorts.policyFromCourse')}</span>}
        </>
      ),
    },
  ];
  if (isAdmin) {
    columns.push({
      id: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      cell: (c) => (
        <div className="row-actions">
          {c.can.edit && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setDialog({ cohort: c })} aria-label={t('common.editNamed', { name: c.name })}>
              {t('common.edit')}
            </button>
          )}
          {c.can.delete && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDeleting(c)} aria-label={t('common.deleteNamed', { name: c.name })}>
              {t('common.delete')}
            </button>
          )}
        </div>
      ),
    });
  }

  const create = isAdmin ? (
    <button type="button" className="btn btn-primary" onClick={() => setDialog({})}>
      {t('cohorts.create')}
    </button>
  ) : undefined;

  return (
    <>
      <p className="tab-intro">{t('cohorts.intro')}</p>
      {cohorts.isError && <ErrorBanner error={cohorts.error} onRetry={() => void cohorts.refetch()} />}
      {cohorts.isPending && <LoadingState />}
      {cohorts.data && cohorts.data.length === 0 && <EmptyState title={t('cohorts.emptyTitle')} description={<p>{t('cohorts.emptyBody')}</p>} action={create} />}
      {cohorts.data && cohorts.data.length > 0 && (
        <>
          {create && <div className="toolbar">{create}</div>}
          <DataTable caption={t('cohorts.tableCaption')} columns={columns} rows={cohorts.data} rowKey={(c) => c.id} />
        </>
      )}
      <CohortFormDialog state={dialog} course={course} onClose={() => setDialog(null)} />
      <DeleteDialog
        item={deleting}
        title={t('cohorts.deleteTitle')}
        body={(c) => <p>{t('cohorts.deleteBody', { name: c.name })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
