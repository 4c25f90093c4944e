import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Structure } from './structure';

/** What screen readers hear while a module or activity is dragged with the keyboard, in the user's language. */
export function useDragAnnouncements(order: Structure, titleOf: (id: UniqueIdentifier) => string) {
  const { t } = useTranslation();

  const place = (id: UniqueIdentifier | undefined): string => {
    if (id === undefined) return t('structure.announce.nowhere');
    const sectionIndex = order.findIndex((s) => s.id === String(id));
    if (sectionIndex >= 0) return t('structure.announce.modulePlace', { position: sectionIndex + 1, total: order.length });
    const zone = String(id).startsWith('zone:') ? order.findIndex((s) => `zone:${s.id}` === String(id)) : -1;
    if (zone >= 0) return t('structure.announce.intoModule', { title: titleOf(order[zone].id) });
    const owner = order.findIndex((s) => s.activityIds.includes(String(id)));
    if (owner < 0) return t('structure.announce.nowhere');
    const ids = order[owner].activityIds;
    return t('structure.announce.activityPlace', { position: ids.indexOf(String(id)) + 1, total: ids.length, title: titleOf(order[owner].id) });
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('structure.announce.picked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => t('structure.announce.over', { title: titleOf(active.id), place: place(over?.id) }),
    onDragEnd: ({ active, over }) => t('structure.announce.dropped', { title: titleOf(active.id), place: place(over?.id) }),
    onDragCancel: ({ active }) => t('structure.announce.cancelled', { title: titleOf(active.id) }),
  };
  const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('structure.announce.instructions') };
  return { announcements, screenReaderInstructions };
}
