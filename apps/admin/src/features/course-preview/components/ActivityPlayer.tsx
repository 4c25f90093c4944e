import { useTranslation } from 'react-i18next';
import type { TOutlineActivity } from '@asah/contracts/courses';
import { ActivityTypeBadge } from '../../course-structure/components/ActivityTypeBadge';
import { FilePlayer } from './FilePlayer';
import { ScormPlayer } from './ScormPlayer';

/** The opened activity, as a learner would get it. */
export function ActivityPlayer({ courseId, activity, onClose }: { courseId: string; activity: TOutlineActivity; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card player-card" aria-labelledby="player-title">
      <div className="player-head">
        <div>
          <ActivityTypeBadge type={activity.type} />
          <h2 id="player-title" className="player-title">
            {activity.title}
          </h2>
        </div>
        <button type="button" className="btn btn-secondary btn-sm" onClick={onClose}>
          {t('preview.closeActivity')}
        </button>
      </div>
      {activity.type === 'scorm' && <ScormPlayer courseId={courseId} activityId={activity.id} title={activity.title} />}
      {activity.type === 'page' &&
        (activity.html ? (
          // Sanitised by the API on write: no scripts, handlers, frames or styles.
          <article className="page-content" dangerouslySetInnerHTML={{ __html: activity.html }} />
        ) : (
          <p className="muted">{t('preview.emptyPage')}</p>
        ))}
      {(activity.type === 'file' || activity.type === 'video') && (
        <FilePlayer courseId={courseId} activityId={activity.id} kind={activity.type} title={activity.title} />
      )}
      {activity.type === 'classroom' && <p className="muted">{t('activities.classroomPlaceholder')}</p>}
      {(activity.type === 'quiz' || activity.type === 'survey') && <p className="muted">{t('activities.reservedPlaceholder')}</p>}
    </section>
  );
}
