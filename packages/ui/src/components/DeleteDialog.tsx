import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { ConfirmDialog } from './ConfirmDialog';

interface DeleteDialogProps<T extends { id: string }> {
  /** The record to delete; null keeps the dialog closed. */
  item: T | null;
  title: string;
  /** What deleting does, naming the record (and when the API refuses, so the refusal is no surprise). */
  body: (item: T) => ReactNode;
  /** Deletes by id; a refusal (e.g. UNIT_NOT_EMPTY) is shown translated inside the dialog. */
  mutation: UseMutationResult<unknown, Error, string, unknown>;
  onClose: () => void;
  /** Called after the record is gone, before the dialog closes. */
  onDeleted?: (item: T) => void;
}

export function DeleteDialog<T extends { id: string }>({ item, title, body, mutation, onClose, onDeleted }: DeleteDialogProps<T>) {
  const { t } = useTranslation();
  if (!item) return null;
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open
      danger
      title={title}
      confirmLabel={mutation.isPending ? t('common.deleting') : t('common.delete')}
      pending={mutation.isPending}
      error={mutation.error}
      onClose={close}
      onConfirm={() =>
        mutation.mutate(item.id, {
          onSuccess: () => {
            onDeleted?.(item);
            close();
          },
        })
      }
    >
      {body(item)}
    </ConfirmDialog>
  );
}
