import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAttemptSummary, TLearnerCourseProgress } from '@asah/contracts/tracking';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { Nip } from '@asah/ui/components/Nip';
import { formatDateTime } from '../../courses/format';
import { EnrolmentStatusBadge } from '../../enrolments/components/EnrolmentStatusBadge';
import { ACTIVITY_STATUS_TONES, formatDuration, formatScore } from '../format';

/** One learner in one course: each activity's status and score, with its attempts. */
export function LearnerProgress({ progress }: { progress: TLearnerCourseProgress }) {
  const { t, i18n } = useTranslation();
  const units = { h: t('progress.hours'), m: t('progress.minutes'), s: t('progress.seconds') };
  const columns: Column<TAttemptSummary>[] = [
    {
      id: 'number',
      header: t('progress.attempt'),
      cell: (a) => (
        <Link to={`/percobaan/${a.id}`}>
          {t('progress.attemptNumber', { number: a.attemptNumber })}
          {a.preview ? ` (${t('progress.preview')})` : ''}
        </Link>
      ),
    },
    { id: 'status', header: t('common.status'), cell: (a) => <Badge tone={ACTIVITY_STATUS_TONES[a.status]}>{t(`progress.statuses.${a.status}`)}</Badge> },
    { id: 'score', header: t('progress.score'), className: 'num', cell: (a) => formatScore(a.scoreScaled, i18n.language) ?? (a.scoreRaw ?? t('common.none')) },
    { id: 'time', header: t('progress.time'), className: 'num nowrap', cell: (a) => formatDuration(a.totalTimeSeconds, units) },
    { id: 'started', header: t('progress.startedAt'), className: 'nowrap', cell: (a) => formatDateTime(a.startedAt, i18n.language) },
    { id: 'last', header: t('progress.lastActivity'), className: 'nowrap', cell: (a) => (a.lastActivityAt ? formatDateTime(a.lastActivityAt, i18n.language) : t('common.none')) },
  ];
  return (
    <>
      <div className="page-header">
        <div>
          <Link to={`/kursus/${progress.courseId}/progres`} className="back-link">
            <span aria-hidden="true">←</span> {t('courseTabs.progress')}
          </Link>
          <h1>{progress.user.name}</h1>
          <p className="course-meta">
            <Nip value={progress.user.nip} />
            {progress.enrolmentStatus && <EnrolmentStatusBadge status={progress.enrolmentStatus} />}
            <span>{t('progress.percentDone', { percent: progress.percent })}</span>
          </p>
        </div>
      </div>
      <div className="editor-stack">
        {progress.activities.map((activity) => (
          <section key={activity.activityId} className="card" aria-labelledby={`act-${activity.activityId}`}>
            <h2 id={`act-${activity.activityId}`} className="card-title">
              {activity.title}
            </h2>
            <p className="course-meta">
              <Badge tone={ACTIVITY_STATUS_TONES[activity.status]}>{t(`progress.statuses.${activity.status}`)}</Badge>
              {!activity.required && <Badge>{t('progress.optional')}</Badge>}
              {activity.scoreScaled !== null && <span>{t('progress.scoreValue', { score: formatScore(activity.scoreScaled, i18n.language) })}</span>}
            </p>
            <DataTable
              caption={t('progress.attemptsCaption', { title: activity.title })}
              columns={columns}
              rows={activity.attempts}
              rowKey={(a) => a.id}
              empty={<p className="table-empty">{t('progress.noAttempts')}</p>}
            />
          </section>
        ))}
      </div>
    </>
  );
}
