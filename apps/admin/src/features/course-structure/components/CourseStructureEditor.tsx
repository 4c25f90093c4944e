import {
  closestCenter,
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourseActivity, TCourseDetail, TCourseSection } from '@asah/contracts/courses';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { useDeleteActivity, useDeleteSection, useSaveStructure, useUpdateActivity } from '../hooks/use-course-structure';
import {
  activityMoves,
  moveActivity,
  moveSection,
  placeActivity,
  placeSection,
  sameStructure,
  structureOf,
  type Structure,
} from '../structure';
import { useDragAnnouncements } from '../use-drag-announcements';
import { ActivityRow } from './ActivityRow';
import { ActivityTypeBadge } from './ActivityTypeBadge';
import { AddActivityDialog } from './AddActivityDialog';
import { SectionCard } from './SectionCard';
import { SectionFormDialog, type SectionDialogState } from './SectionFormDialog';

type DragKind = 'section' | 'activity';
const kindOf = (data: Record<string, unknown> | undefined): DragKind | 'zone' | undefined => data?.type as DragKind | 'zone' | undefined;

/**
 * Modules dragged among modules; activities among activities, within and across modules (empty
 * modules take drops on their list). Pointer positions decide first, so a long module does not
 * swallow drops meant for its neighbour's rows; the keyboard falls back to the closest corners.
 */
const collisionDetection: CollisionDetection = (args) => {
  const containers = args.droppableContainers;
  if (kindOf(args.active.data.current) === 'section') {
    return closestCenter({ ...args, droppableContainers: containers.filter((c) => kindOf(c.data.current) === 'section') });
  }
  const rows = containers.filter((c) => kindOf(c.data.current) === 'activity');
  const zones = containers.filter((c) => kindOf(c.data.current) === 'zone');
  const onRow = pointerWithin({ ...args, droppableContainers: rows });
  if (onRow.length > 0) return onRow;
  const inZone = pointerWithin({ ...args, droppableContainers: zones });
  if (inZone.length > 0) {
    const sectionId = zones.find((zone) => zone.id === inZone[0].id)?.data.current?.sectionId;
    const rowsOfZone = rows.filter((row) => row.data.current?.sectionId === sectionId);
    return rowsOfZone.length > 0 ? closestCorners({ ...args, droppableContainers: rowsOfZone }) : inZone;
  }
  return closestCorners({ ...args, droppableContainers: [...rows, ...zones] });
};

export function CourseStructureEditor({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const editable = course.can.edit;
  const save = useSaveStructure(course.id);
  const updateActivity = useUpdateActivity(course.id);
  const deleteSection = useDeleteSection(course.id);
  const deleteActivity = useDeleteActivity(course.id);

  const saved = useMemo(() => structureOf(course), [course]);
  // The order on screen while dragging or saving; the saved order otherwise.
  const draftRef = useRef<Structure | null>(null);
  const [draft, setDraftState] = useState<Structure | null>(null);
  const setDraft = (next: Structure | null) => {
    draftRef.current = next;
    setDraftState(next);
  };
  const order = draft ?? saved;
  const [dragging, setDragging] = useState<{ id: UniqueIdentifier; kind: DragKind } | null>(null);
  const [savedOnce, setSavedOnce] = useState(false);

  const [sectionDialog, setSectionDialog] = useState<SectionDialogState>(null);
  const [addingTo, setAddingTo] = useState<TCourseSection | null>(null);
  const [removingSection, setRemovingSection] = useState<TCourseSection | null>(null);
  const [removingActivity, setRemovingActivity] = useState<TCourseActivity | null>(null);

  const sections = useMemo(() => new Map(course.sections.map((s) => [s.id, s])), [course.sections]);
  const activities = useMemo(
    () => new Map(course.sections.flatMap((s) => s.activities.map((a) => [a.id, a] as const))),
    [course.sections],
  );
  const busy = save.isPending;

  const commit = (next: Structure | null) => {
    if (!next || sameStructure(next, saved)) return setDraft(null);
    setDraft(next);
    setSavedOnce(false);
    save.mutate(next, {
      onSuccess: () => setSavedOnce(true),
      onSettled: () => setDraft(null),
    });
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: UniqueIdentifier) => sections.get(String(id))?.title ?? activities.get(String(id))?.title ?? '';
  const announcements = useDragAnnouncements(order, titleOf);

  const sectionOf = (structure: Structure, activityId: string) => structure.find((s) => s.activityIds.includes(activityId));

  const onDragStart = ({ active }: DragStartEvent) => {
    const kind = kindOf(active.data.current);
    if (kind !== 'section' && kind !== 'activity') return;
    setDragging({ id: active.id, kind });
    setDraft(order);
  };

  // Crossing into another module happens while dragging, so the rows there make room at once.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over || kindOf(active.data.current) !== 'activity') return;
    const base = draftRef.current ?? saved;
    const activityId = String(active.id);
    const from = sectionOf(base, activityId);
    const overKind = kindOf(over.data.current);
    const to = overKind === 'activity' ? sectionOf(base, String(over.id)) : base.find((s) => s.id === over.data.current?.sectionId);
    if (!from || !to || from.id === to.id) return;
    const index = overKind === 'activity' ? to.activityIds.indexOf(String(over.id)) : to.activityIds.length;
    setDraft(placeActivity(base, activityId, to.id, index < 0 ? to.activityIds.length : index));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const base = draftRef.current ?? saved;
    if (!over) return commit(base);
    const activeId = String(active.id);
    if (kindOf(active.data.current) === 'section') {
      const index = base.findIndex((s) => s.id === String(over.id));
      return commit(index < 0 ? base : placeSection(base, activeId, index));
    }
    const section = sectionOf(base, activeId);
    if (section && kindOf(over.data.current) === 'activity' && section.activityIds.includes(String(over.id))) {
      return commit(placeActivity(base, activeId, section.id, section.activityIds.indexOf(String(over.id))));
    }
    commit(base);
  };

  const draggedSection = dragging?.kind === 'section' ? sections.get(String(dragging.id)) : undefined;
  const draggedActivity = dragging?.kind === 'activity' ? activities.get(String(dragging.id)) : undefined;

  return (
    <div className="structure">
      {save.isError && <ErrorBanner error={save.error} title={t('structure.saveFailed')} />}
      <p className="sr-only" role="status">
        {busy ? t('structure.saving') : savedOnce ? t('structure.saved') : ''}
      </p>
      {editable && order.length > 0 && <p className="field-hint structure-hint">{t('structure.reorderHint')}</p>}
      {order.length === 0 ? (
        <EmptyState
          title={t('structure.emptyTitle')}
          description={<p>{editable ? t('structure.emptyBody') : t('structure.emptyBodyReadOnly')}</p>}
          action={
            editable ? (
              <button type="button" className="btn btn-primary" onClick={() => setSectionDialog({})}>
                + {t('structure.addModule')}
              </button>
            ) : undefined
          }
        />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          accessibility={announcements}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            setDragging(null);
            setDraft(null);
          }}
        >
          <SortableContext items={order.map((s) => s.id)} strategy={verticalListSortingStrategy}>
            <ol className="module-list">
              {order.map((entry, index) => {
                const section = sections.get(entry.id);
                if (!section) return null;
                return (
                  <SectionCard
                    key={section.id}
                    section={section}
                    number={index + 1}
                    activityIds={entry.activityIds}
                    editable={editable}
                    busy={busy}
                    canUp={index > 0}
                    canDown={index < order.length - 1}
                    onMove={(delta) => commit(moveSection(order, section.id, delta))}
                    onRename={() => setSectionDialog({ section })}
                    onDelete={() => setRemovingSection(section)}
                    onAddActivity={() => setAddingTo(section)}
                  >
                    {entry.activityIds.map((activityId) => {
                      const activity = activities.get(activityId);
                      if (!activity) return null;
                      return (
                        <ActivityRow
                          key={activity.id}
                          activity={{ ...activity, sectionId: section.id }}
                          courseId={course.id}
                          editable={editable}
                          busy={busy}
                          moves={activityMoves(order, activity.id)}
                          onMove={(delta) => commit(moveActivity(order, activity.id, delta))}
                          onToggleRequired={(required) => updateActivity.mutate({ activityId: activity.id, body: { required } })}
                          onDelete={() => setRemovingActivity(activity)}
                        />
                      );
                    })}
                  </SectionCard>
                );
              })}
            </ol>
          </SortableContext>
          <DragOverlay>
            {draggedSection && <div className="drag-preview drag-preview-module">{draggedSection.title}</div>}
            {draggedActivity && (
              <div className="drag-preview">
                <ActivityTypeBadge type={draggedActivity.type} /> {draggedActivity.title}
              </div>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {updateActivity.isError && <ErrorBanner error={updateActivity.error} />}
      {editable && order.length > 0 && (
        <div className="structure-foot">
          <button type="button" className="btn btn-secondary" onClick={() => setSectionDialog({})}>
            + {t('structure.addModule')}
          </button>
        </div>
      )}
      <SectionFormDialog courseId={course.id} state={sectionDialog} onClose={() => setSectionDialog(null)} />
      <AddActivityDialog courseId={course.id} section={addingTo} onClose={() => setAddingTo(null)} />
      <DeleteDialog
        item={removingSection}
        title={t('structure.deleteModuleTitle')}
        body={(section) => <p>{t('structure.deleteModuleBody', { title: section.title })}</p>}
        mutation={deleteSection}
        onClose={() => setRemovingSection(null)}
      />
      <DeleteDialog
        item={removingActivity}
        title={t('structure.deleteActivityTitle')}
        body={(activity) => <p>{t('structure.deleteActivityBody', { title: activity.title })}</p>}
        mutation={deleteActivity}
        onClose={() => setRemovingActivity(null)}
      />
    </div>
  );
}
