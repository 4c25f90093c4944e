import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMyEnrolment } from '@asah/contracts/enrolments';
import type { TCourseProgress } from '@asah/contracts/tracking';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { activityPath, coursePath } from '../../course/course-paths';
import { formatDateTime, formatDay, formatJp } from '../format';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';

/** One course of "Pembelajaran Saya": status, cohort, deadline, progress and the way back in. */
export function EnrolmentCard({ enrolment, progress }: { enrolment: TMyEnrolment; progress?: TCourseProgress }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const placed = enrolment.status === 'approved' || enrolment.status === 'active';
  return (
    <li className="enrolment-card">
      <div>
        <h3>
          <Link to={coursePath(enrolment.courseId)}>{enrolment.course.title}</Link>
        </h3>
        <ul className="fact-list">
          <li>
            <EnrolmentStatusBadge status={enrolment.status} waitlistPosition={enrolment.waitlistPosition} />
          </li>
          <li>
            <span className="jp-pill">{t('catalogue.jpValue', { jp: formatJp(enrolment.course.jp, lang) })}</span>
          </li>
          {enrolment.cohort && <li>{enrolment.cohort.name}</li>}
          {enrolment.deadline && enrolment.status !== 'completed' && <li>{t('learning.deadline', { date: formatDay(enrolment.deadline, lang) })}</li>}
          {enrolment.status === 'requested' && <li>{t('learning.requestedOn', { date: formatDateTime(enrolment.requestedAt, lang) })}</li>}
          {enrolment.completedAt && <li>{t('learning.completedOn', { date: formatDateTime(enrolment.completedAt, lang) })}</li>}
        </ul>
        {enrolment.status === 'requested' && <p className="muted">{t('learning.awaitingApproval')}</p>}
        {placed && progress && <ProgressBar label={t('learning.progress')} percent={progress.percent} />}
      </div>
      {placed && (
        <Link
          to={progress?.resumeActivityId ? activityPath(enrolment.courseId, progress.resumeActivityId) : coursePath(enrolment.courseId)}
          className="btn btn-primary"
          aria-label={`${progress && progress.percent > 0 ? t('learning.continue') : t('learning.start')}: ${enrolment.course.title}`}
        >
          {progress && progress.percent > 0 ? t('learning.continue') : t('learning.start')}
        </Link>
      )}
    </li>
  );
}
