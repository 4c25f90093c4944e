import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClassroomSession } from '@asah/contracts/classroom';
import type { TCourseDetail } from '@asah/contracts/courses';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useCohorts } from '../../cohorts/hooks/use-cohorts';
import { formatJp } from '../../courses/format';
import { useDeleteSession, useSessions } from '../hooks/use-sessions';
import { formatSessionTime } from '../session-time';
import { CheckInQrDialog } from './CheckInQr';
import { SessionFormDialog, type SessionDialogState } from './SessionFormDialog';

/** "Sesi": the sessions of each classroom activity, with attendance and the check-in QR code. */
export function SessionsTab({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const cohorts = useCohorts(course.id);
  const [dialog, setDialog] = useState<SessionDialogState>(null);
  const [qr, setQr] = useState<TClassroomSession | null>(null);
  const [deleting, setDeleting] = useState<TClassroomSession | null>(null);
  const remove = useDeleteSession();
  const activities = course.sections.flatMap((section) => section.activities.filter((a) => a.type === 'classroom'));

  if (activities.length === 0) {
    return <EmptyState title={t('sessions.noActivityTitle')} description={<p>{t('sessions.noActivityBody')}</p>} />;
  }
  return (
    <div className="editor-stack">
      {activities.map((activity) => (
        <ActivitySessions
          key={activity.id}
          courseId={course.id}
          activity={activity}
          cohortNames={new Map((cohorts.data ?? []).map((c) => [c.id, c.name]))}
          canAdd={course.can.edit}
          onAdd={() => setDialog({ activityId: activity.id })}
          onEdit={(session) => setDialog({ activityId: activity.id, session })}
          onQr={setQr}
          onDelete={setDeleting}
        />
      ))}
      <SessionFormDialog state={dialog} courseId={course.id} cohorts={cohorts.data ?? []} onClose={() => setDialog(null)} />
      <CheckInQrDialog session={qr} onClose={() => setQr(null)} />
      <DeleteDialog
        item={deleting}
        title={t('sessions.deleteTitle')}
        body={(s) => <p>{t('sessions.deleteBody', { title: s.title })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}

interface ActivitySessionsProps {
  courseId: string;
  activity: { id: string; title: string };
  cohortNames: Map<string, string>;
  canAdd: boolean;
  onAdd: () => void;
  onEdit: (session: TClassroomSession) => void;
  onQr: (session: TClassroomSession) => void;
  onDelete: (session: TClassroomSession) => void;
}

function ActivitySessions({ courseId, activity, cohortNames, canAdd, onAdd, onEdit, onQr, onDelete }: ActivitySessionsProps) {
  const { t, i18n } = useTranslation();
  const sessions = useSessions(courseId, activity.id);
  const titleId = `activity-${activity.id}`;
  const columns: Column<TClassroomSession>[] = [
    {
      id: 'title',
      header: t('sessions.title'),
      cell: (s) => (
        <>
          <span className="cell-strong">{s.title}</span>
          <span className="cell-sub">{s.cohortId ? cohortNames.get(s.cohortId) ?? t('sessions.cohort') : t('sessions.everyone')}</span>
        </>
      ),
    },
    { id: 'when', header: t('sessions.when'), cell: (s) => formatSessionTime(s.startsAt, s.endsAt, i18n.language) },
    {
      id: 'where',
      header: t('sessions.where'),
      cell: (s) => (
        <>
          {s.location && <span>{s.location}</span>}
          {s.onlineUrl && (
            <span className="cell-sub">
              <a href={s.onlineUrl} target="_blank" rel="noreferrer">
                {t('sessions.onlineLink')}
              </a>
            </span>
          )}
        </>
      ),
    },
    { id: 'jp', header: t('sessions.jpShort'), className: 'num', cell: (s) => formatJp(s.jp, i18n.language) },
    {
      id: 'attendance',
      header: t('sessions.attendance'),
      className: 'nowrap',
      cell: (s) => (
        <>
          {t('sessions.presentOf', { present: s.presentCount, expected: s.expectedCount })}
          {s.capacity !== null && <span className="cell-sub">{t('sessions.capacityOf', { capacity: s.capacity })}</span>}
        </>
      ),
    },
    {
      id: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      cell: (s) => (
        <div className="row-actions">
          {s.can.takeAttendance && (
            <>
              <Link to={`/presensi/${s.id}`} className="btn btn-primary btn-sm" aria-label={t('sessions.takeAttendanceNamed', { title: s.title })}>
                {t('sessions.takeAttendance')}
              </Link>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => onQr(s)} aria-label={t('sessions.showQrNamed', { title: s.title })}>
                {t('sessions.showQr')}
              </button>
            </>
          )}
          {s.can.edit && (
            <>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => onEdit(s)} aria-label={t('common.editNamed', { name: s.title })}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onDelete(s)} aria-label={t('common.deleteNamed', { name: s.title })}>
                {t('common.delete')}
              </button>
            </>
          )}
        </div>
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {activity.title}
      </h2>
      {canAdd && (
        <div className="toolbar">
          <button type="button" className="btn btn-primary" onClick={onAdd}>
            {t('sessions.create')}
          </button>
        </div>
      )}
      {sessions.isError && <ErrorBanner error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isPending && <LoadingState />}
      {sessions.data && (
        <DataTable
          caption={t('sessions.tableCaption', { title: activity.title })}
          columns={columns}
          rows={sessions.data}
          rowKey={(s) => s.id}
          empty={<p className="table-empty">{t('sessions.empty')}</p>}
        />
      )}
    </section>
  );
}
