import type { TCourseActivity, TCourseDetail, TCourseSection, TCourseStructureRequest } from '@asah/contracts/courses';

/** The course's order as the structure endpoint takes it: every section, each with its activity ids. */
export type Structure = TCourseStructureRequest['sections'];

export function structureOf(course: Pick<TCourseDetail, 'sections'>): Structure {
  return course.sections.map((section) => ({ id: section.id, activityIds: section.activities.map((a) => a.id) }));
}

export function sameStructure(a: Structure, b: Structure): boolean {
  return (
    a.length === b.length &&
    a.every((section, i) => section.id === b[i].id && section.activityIds.join() === b[i].activityIds.join())
  );
}

/** The course rearranged to `structure`, for an optimistic update before the API answers. */
export function applyStructure(course: TCourseDetail, structure: Structure): TCourseDetail {
  const sections = new Map(course.sections.map((s) => [s.id, s]));
  const activities = new Map<string, TCourseActivity>(course.sections.flatMap((s) => s.activities.map((a) => [a.id, a] as const)));
  const ordered: TCourseSection[] = structure.flatMap((entry, position) => {
    const section = sections.get(entry.id);
    if (!section) return [];
    const items = entry.activityIds.flatMap((id, index) => {
      const activity = activities.get(id);
      return activity ? [{ ...activity, sectionId: section.id, position: index }] : [];
    });
    return [{ ...section, position, activities: items }];
  });
  return { ...course, sections: ordered };
}

const clone = (structure: Structure): Structure => structure.map((s) => ({ id: s.id, activityIds: [...s.activityIds] }));

/** Moves a module one place up (-1) or down (+1); null when it is already at that end. */
export function moveSection(structure: Structure, sectionId: string, delta: -1 | 1): Structure | null {
  const from = structure.findIndex((s) => s.id === sectionId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= structure.length) return null;
  const next = clone(structure);
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/**
 * Moves an activity one place up or down. At the edge of its module it crosses into the
 * neighbouring module (to its end going up, its start going down), so the buttons alone can
 * reach every place a drag could.
 */
export function moveActivity(structure: Structure, activityId: string, delta: -1 | 1): Structure | null {
  const sectionIndex = structure.findIndex((s) => s.activityIds.includes(activityId));
  if (sectionIndex < 0) return null;
  const next = clone(structure);
  const ids = next[sectionIndex].activityIds;
  const from = ids.indexOf(activityId);
  const to = from + delta;
  if (to >= 0 && to < ids.length) {
    ids.splice(from, 1);
    ids.splice(to, 0, activityId);
    return next;
  }
  const neighbour = next[sectionIndex + delta];
  if (!neighbour) return null;
  ids.splice(from, 1);
  if (delta < 0) neighbour.activityIds.push(activityId);
  else neighbour.activityIds.unshift(activityId);
  return next;
}

/** Where an activity may move with the buttons: up/down, possibly into the neighbouring module. */
export function activityMoves(structure: Structure, activityId: string): { up: boolean; down: boolean } {
  const sectionIndex = structure.findIndex((s) => s.activityIds.includes(activityId));
  if (sectionIndex < 0) return { up: false, down: false };
  const ids = structure[sectionIndex].activityIds;
  const index = ids.indexOf(activityId);
  return {
    up: index > 0 || sectionIndex > 0,
    down: index < ids.length - 1 || sectionIndex < structure.length - 1,
  };
}

/** Moves an activity to `index` of module `sectionId` (drag and drop). */
export function placeActivity(structure: Structure, activityId: string, sectionId: string, index: number): Structure {
  const next = clone(structure).map((s) => ({ ...s, activityIds: s.activityIds.filter((id) => id !== activityId) }));
  const target = next.find((s) => s.id === sectionId);
  if (!target) return structure;
  target.activityIds.splice(Math.max(0, Math.min(index, target.activityIds.length)), 0, activityId);
  return next;
}

export function placeSection(structure: Structure, sectionId: string, index: number): Structure {
  const next = clone(structure);
  const from = next.findIndex((s) => s.id === sectionId);
  if (from < 0) return structure;
  const [moved] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(index, next.length)), 0, moved);
  return next;
}
