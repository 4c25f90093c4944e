import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCatalogueCourse } from '@asah/contracts/catalogue';
import type { TActivityProgress, TActivityProgressStatus, TCourseProgress } from '@asah/contracts/tracking';
import { Badge } from '@asah/ui/components/Badge';
import { activityPath } from '../course-paths';

const TONES: Record<TActivityProgressStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  not_started: 'neutral',
  incomplete: 'info',
  completed: 'success',
  passed: 'success',
  failed: 'danger',
};

interface CourseOutlineProps {
  course: TCatalogueCourse;
  progress: TCourseProgress | null;
  /** The learner has a place: activities link to the player. */
  canOpen: boolean;
}

/** Modules and their activities, each with the learner's status once they have a place. */
export function CourseOutline({ course, progress, canOpen }: CourseOutlineProps) {
  const { t } = useTranslation();
  const byActivity = new Map<string, TActivityProgress>((progress?.activities ?? []).map((a) => [a.activityId, a]));
  return (
    <section className="card" aria-labelledby="course-outline">
      <h2 id="course-outline" className="card-title">
        {t('course.outline')}
      </h2>
      {course.sections.length === 0 && <p className="muted">{t('course.noModules')}</p>}
      {course.sections.map((section, index) => (
        <div key={section.id} className="outline-section">
          <h3 className="outline-section-title">{t('course.moduleTitle', { number: index + 1, title: section.title })}</h3>
          {section.description && <p className="muted">{section.description}</p>}
          {section.activities.length > 0 && (
            <ul className="outline-items">
              {section.activities.map((activity) => {
                const state = byActivity.get(activity.id);
                // Classroom activities are attended, not opened: their sessions are in the schedule.
                const linked = canOpen && activity.type !== 'classroom';
                return (
                  <li key={activity.id} className="outline-item">
                    <span className="outline-item-title">
                      {linked ? <Link to={activityPath(course.id, activity.id)}>{activity.title}</Link> : activity.title}
                    </span>
                    <span className="outline-item-meta">
                      <span>{t(`course.activityTypes.${activity.type}`)}</span>
                      {!activity.required && <span>· {t('course.optionalActivity')}</span>}
                      {state && (
                        <Badge tone={TONES[state.status]}>
                          {t(`course.activityStatus.${state.status}`)}
                          {state.scoreScaled !== null && ` · ${Math.round(state.scoreScaled * 100)}%`}
                        </Badge>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
