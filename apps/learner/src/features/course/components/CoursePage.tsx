import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCatalogueCohort, TCatalogueCourse } from '@asah/contracts/catalogue';
import { WITHDRAWABLE_STATUSES, type TEnrolmentStatus } from '@asah/contracts/enrolments';
import type { TCourseProgress } from '@asah/contracts/tracking';
import { Badge } from '@asah/ui/components/Badge';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { EnrolmentStatusBadge } from '../../learning/components/EnrolmentStatusBadge';
import { formatDateTime, formatDay, formatJp } from '../../learning/format';
import { useMySessions } from '../../learning/hooks/use-my-enrolments';
import { activityPath } from '../course-paths';
import { useCourseProgress } from '../hooks/use-course-progress';
import { EnrolAction } from './EnrolAction';
import { CourseOutline } from './CourseOutline';
import { SessionList } from './SessionList';
import { WithdrawDialog } from './WithdrawDialog';

/** Statuses with a place in the course: the learner may open its activities. */
const PLACED: readonly TEnrolmentStatus[] = ['approved', 'active', 'completed'];

export function CoursePage({ course }: { course: TCatalogueCourse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mine = course.myEnrolment;
  const placed = mine !== null && PLACED.includes(mine.status);
  const progress = useCourseProgress(course.id, placed);
  const sessions = useMySessions(placed);
  const courseSessions = (sessions.data?.items ?? []).filter((s) => s.course.id === course.id);

  return (
    <>
      <Link to="/katalog" className="back-link">
        {t('course.backToCatalogue')}
      </Link>
      <PageHeader title={course.title} description={`${course.code} · ${t(`catalogue.categories.${course.category}`)}`} />
      <div className="course-layout">
        <div className="editor-stack">
          <section className="card" aria-labelledby="course-about">
            <h2 id="course-about" className="card-title">
              {t('course.about')}
            </h2>
            {course.description ? <p className="course-description">{course.description}</p> : <p className="muted">{t('course.noDescription')}</p>}
            <dl className="dl">
              <dt>{t('catalogue.jp')}</dt>
              <dd>
                <span className="jp-pill">{t('catalogue.jpValue', { jp: formatJp(course.jp, lang) })}</span>
              </dd>
              <dt>{t('catalogue.deliveryMode')}</dt>
              <dd>{t(`catalogue.modes.${course.deliveryMode}`)}</dd>
              <dt>{t('course.offeredBy')}</dt>
              <dd>{course.platformWide ? t('catalogue.platformWide') : t('catalogue.scopeAgency')}</dd>
              <dt>{t('course.competencies')}</dt>
              <dd>
                {course.competencies.length === 0 ? (
                  <span className="muted">{t('common.none')}</span>
                ) : (
                  <span className="badge-list">
                    {course.competencies.map((c) => (
                      <Badge key={c.code} tone="info">
                        {t('course.competencyLevel', { code: c.code, level: c.targetLevel })}
                      </Badge>
                    ))}
                  </span>
                )}
              </dd>
              {!course.hasCohorts && course.deadlineDays !== null && (
                <>
                  <dt>{t('course.deadline')}</dt>
                  <dd>{t('course.deadlineDays', { count: course.deadlineDays })}</dd>
                </>
              )}
            </dl>
          </section>
          <CourseOutline course={course} progress={progress.data ?? null} canOpen={placed} />
        </div>
        <aside className="course-side" aria-label={t('course.enrolmentPanel')}>
          <EnrolmentPanel course={course} progress={progress.data ?? null} placed={placed} />
          {course.hasCohorts && <CohortList course={course} />}
          {placed && (
            <section className="card" aria-labelledby="course-schedule">
              <h2 id="course-schedule" className="card-title">
                {t('course.schedule')}
              </h2>
              {courseSessions.length === 0 ? <p className="muted">{t('course.noSessions')}</p> : <SessionList sessions={courseSessions} />}
            </section>
          )}
        </aside>
      </div>
    </>
  );
}

function EnrolmentPanel({ course, progress, placed }: { course: TCatalogueCourse; progress: TCourseProgress | null; placed: boolean }) {
  const { t, i18n } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const mine = course.myEnrolment;
  const cohort = mine?.cohortId ? course.cohorts.find((c) => c.id === mine.cohortId) : undefined;
  const resume = progress?.resumeActivityId ?? firstActivity(course);

  return (
    <section className="card" aria-labelledby="course-enrolment">
      <h2 id="course-enrolment" className="card-title">
        {t('course.myEnrolment')}
      </h2>
      {!mine ? (
        course.hasCohorts ? (
          <p className="muted">{course.cohorts.length > 0 ? t('course.chooseCohort') : t('course.noCohorts')}</p>
        ) : (
          <div className="stack-sm">
            <p className="muted">{t(`course.policy.${course.enrolmentPolicy}`)}</p>
            <EnrolAction courseId={course.id} policy={course.enrolmentPolicy} target={course.title} />
          </div>
        )
      ) : (
        <div className="stack-sm">
          <p>
            <EnrolmentStatusBadge status={mine.status} waitlistPosition={mine.waitlistPosition} />
          </p>
          {cohort && <p>{t('course.inCohort', { name: cohort.name })}</p>}
          <p className="muted">{t(`course.statusHint.${mine.status}`)}</p>
          {placed && progress && <ProgressBar label={t('learning.progress')} percent={progress.percent} />}
          {placed && progress?.completedAt && <p>{t('learning.completedOn', { date: formatDateTime(progress.completedAt, i18n.language) })}</p>}
          {placed && mine.status !== 'completed' && resume && (
            <Link to={activityPath(course.id, resume)} className="btn btn-primary">
              {progress && progress.percent > 0 ? t('learning.continue') : t('learning.start')}
            </Link>
          )}
          {(WITHDRAWABLE_STATUSES as readonly string[]).includes(mine.status) && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setWithdrawing(true)}>
              {mine.status === 'requested' ? t('course.cancelRequest') : t('course.withdraw')}
            </button>
          )}
          <WithdrawDialog open={withdrawing} onClose={() => setWithdrawing(false)} enrolmentId={mine.id} status={mine.status} courseTitle={course.title} />
        </div>
      )}
    </section>
  );
}

/** Before the runtime reports progress, "Mulai" opens the first activity that is not a classroom session. */
function firstActivity(course: TCatalogueCourse): string | null {
  for (const section of course.sections) {
    const activity = section.activities.find((a) => a.type !== 'classroom');
    if (activity) return activity.id;
  }
  return null;
}

function CohortList({ course }: { course: TCatalogueCourse }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="course-cohorts">
      <h2 id="course-cohorts" className="card-title">
        {t('course.cohorts')}
      </h2>
      {course.cohorts.length === 0 ? (
        <p className="muted">{t('course.noCohorts')}</p>
      ) : (
        <ul className="cohort-list">
          {course.cohorts.map((cohort) => (
            <CohortItem key={cohort.id} course={course} cohort={cohort} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CohortItem({ course, cohort }: { course: TCatalogueCourse; cohort: TCatalogueCohort }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mine = course.myEnrolment;
  return (
    <li className="cohort-item">
      <h3>{cohort.name}</h3>
      <ul className="fact-list">
        <li>{t('course.cohortDates', { from: formatDay(cohort.startsOn, lang), to: formatDay(cohort.endsOn, lang) })}</li>
        {cohort.deadline && <li>{t('course.cohortDeadline', { date: formatDay(cohort.deadline, lang) })}</li>}
        {cohort.capacity !== null && <li>{t('course.seatsLeft', { count: cohort.seatsLeft ?? 0, capacity: cohort.capacity })}</li>}
        {cohort.enrolmentClosesAt && <li>{t('course.enrolmentCloses', { date: formatDateTime(cohort.enrolmentClosesAt, lang) })}</li>}
        {cohort.instructors.length > 0 && <li>{t('course.instructors', { names: cohort.instructors.map((i) => i.name).join(', ') })}</li>}
      </ul>
      <div className="cohort-actions">
        {mine?.cohortId === cohort.id ? (
          <Badge tone="success">{t('course.yourCohort')}</Badge>
        ) : mine ? null : (
          <>
            <CohortStateNote cohort={cohort} />
            <EnrolAction courseId={course.id} cohortId={cohort.id} policy={cohort.enrolmentPolicy} state={cohort.state} target={cohort.name} />
          </>
        )}
      </div>
    </li>
  );
}

function CohortStateNote({ cohort }: { cohort: TCatalogueCohort }) {
  const { t, i18n } = useTranslation();
  switch (cohort.state) {
    case 'not_yet_open':
      return (
        <Badge tone="neutral">
          {cohort.enrolmentOpensAt ? t('course.opensAt', { date: formatDateTime(cohort.enrolmentOpensAt, i18n.language) }) : t('course.state.not_yet_open')}
        </Badge>
      );
    case 'closed':
    case 'full':
      return <Badge tone="neutral">{t(`course.state.${cohort.state}`)}</Badge>;
    case 'waitlist':
      return <Badge tone="warning">{t('course.state.waitlist', { count: cohort.waitlistCount })}</Badge>;
    default:
      return null;
  }
}
