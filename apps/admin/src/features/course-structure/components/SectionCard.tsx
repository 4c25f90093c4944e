import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourseSection } from '@asah/contracts/courses';
import { DragHandle } from './DragHandle';
import { MoveButtons } from './MoveButtons';

interface SectionCardProps {
  section: TCourseSection;
  number: number;
  /** The ids of the activities shown in it, in order (during a drag, not yet the saved order). */
  activityIds: string[];
  editable: boolean;
  busy: boolean;
  canUp: boolean;
  canDown: boolean;
  onMove: (delta: -1 | 1) => void;
  onRename: () => void;
  onDelete: () => void;
  onAddActivity: () => void;
  children: ReactNode;
}

export function SectionCard(props: SectionCardProps) {
  const { section, number, activityIds, editable, busy, children } = props;
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: section.id,
    data: { type: 'section' },
    disabled: !editable || busy,
  });
  // The activity list is also a drop zone, so an activity can be dropped into an empty module.
  const { setNodeRef: setZoneRef, isOver } = useDroppable({ id: `zone:${section.id}`, data: { type: 'zone', sectionId: section.id }, disabled: !editable });
  const headingId = `module-${section.id}`;

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? 'module-card is-dragging' : 'module-card'}
      aria-labelledby={headingId}
    >
      <div className="module-head">
        {editable && (
          <DragHandle label={t('structure.dragModule', { title: section.title })} attributes={attributes} listeners={listeners} setRef={setActivatorNodeRef} disabled={busy} />
        )}
        <div className="module-heading">
          <span className="module-kicker">{t('structure.moduleNumber', { number })}</span>
          <h3 id={headingId} className="module-title">
            {section.title}
          </h3>
        </div>
        {editable && (
          <div className="module-actions">
            <MoveButtons name={t('structure.moduleNamed', { title: section.title })} canUp={props.canUp} canDown={props.canDown} disabled={busy} onMove={props.onMove} />
            <button type="button" className="btn btn-ghost btn-sm" aria-label={t('structure.renameNamed', { title: section.title })} onClick={props.onRename}>
              {t('structure.rename')}
            </button>
            <button type="button" className="btn btn-link-danger btn-sm" aria-label={t('structure.deleteModuleNamed', { title: section.title })} onClick={props.onDelete}>
              {t('common.delete')}
            </button>
          </div>
        )}
      </div>
      {section.description && <p className="module-description">{section.description}</p>}
      <SortableContext items={activityIds} strategy={verticalListSortingStrategy}>
        <ul ref={setZoneRef} className={isOver && activityIds.length === 0 ? 'activity-list is-over' : 'activity-list'} aria-label={t('structure.activitiesOf', { title: section.title })}>
          {children}
          {activityIds.length === 0 && <li className="activity-empty">{editable ? t('structure.emptyModuleEditable') : t('structure.emptyModule')}</li>}
        </ul>
      </SortableContext>
      {editable && (
        <div className="module-foot">
          <button type="button" className="btn btn-secondary btn-sm" onClick={props.onAddActivity} aria-label={t('structure.addActivityTo', { title: section.title })}>
            + {t('structure.addActivity')}
          </button>
        </div>
      )}
    </li>
  );
}
