import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AVAILABLE_ACTIVITY_TYPES, type TCourseActivity } from '@asah/contracts/courses';
import { Badge } from '@asah/ui/components/Badge';
import { ActivityTypeBadge } from './ActivityTypeBadge';
import { DragHandle } from './DragHandle';
import { MoveButtons } from './MoveButtons';

interface ActivityRowProps {
  activity: TCourseActivity;
  courseId: string;
  editable: boolean;
  busy: boolean;
  moves: { up: boolean; down: boolean };
  onMove: (delta: -1 | 1) => void;
  onToggleRequired: (required: boolean) => void;
  onDelete: () => void;
}

export function ActivityRow({ activity, courseId, editable, busy, moves, onMove, onToggleRequired, onDelete }: ActivityRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: activity.id,
    data: { type: 'activity', sectionId: activity.sectionId },
    disabled: !editable || busy,
  });
  const reserved = !(AVAILABLE_ACTIVITY_TYPES as readonly string[]).includes(activity.type);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? 'activity-row is-dragging' : 'activity-row'}
    >
      {editable && (
        <DragHandle
          label={t('structure.dragActivity', { title: activity.title })}
          attributes={attributes}
          listeners={listeners}
          setRef={setActivatorNodeRef}
          disabled={busy}
        />
      )}
      <div className="activity-main">
        <ActivityTypeBadge type={activity.type} />
        <Link to={`/kursus/${courseId}/aktivitas/${activity.id}`} className="activity-title">
          {activity.title}
        </Link>
        {reserved && <Badge tone="neutral">{t('activities.comingSoon')}</Badge>}
        {!editable && <Badge tone={activity.required ? 'info' : 'neutral'}>{activity.required ? t('structure.required') : t('structure.optional')}</Badge>}
      </div>
      {editable && (
        <div className="activity-controls">
          <label className="checkbox required-toggle">
            <input
              type="checkbox"
              checked={activity.required}
              disabled={busy}
              aria-label={t('structure.requiredNamed', { title: activity.title })}
              onChange={(event) => onToggleRequired(event.target.checked)}
            />
            <span aria-hidden="true">{t('structure.required')}</span>
          </label>
          <MoveButtons name={activity.title} canUp={moves.up} canDown={moves.down} disabled={busy} onMove={onMove} />
          <button type="button" className="btn btn-link-danger btn-sm" aria-label={t('common.deleteNamed', { name: activity.title })} onClick={onDelete}>
            {t('common.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
