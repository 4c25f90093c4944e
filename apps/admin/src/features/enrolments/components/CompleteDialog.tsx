import { useTranslation } from 'react-i18next';
import type { TEnrolmentRow } from '@asah/contracts/enrolments';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { formatJp } from '../../courses/format';
import { useCompleteEnrolment } from '../hooks/use-enrolments';

/** Marking completed credits the course's JP to the learner's ledger (once). */
export function CompleteDialog({ row, onClose }: { row: TEnrolmentRow | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const complete = useCompleteEnrolment();
  const close = () => {
    complete.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={row !== null}
      title={t('enrolments.completeTitle')}
      confirmLabel={complete.isPending ? t('common.saving') : t('enrolments.complete')}
      pending={complete.isPending}
      error={complete.error}
      onClose={close}
      onConfirm={() => row && complete.mutate(row.id, { onSuccess: close })}
    >
      <p>{t('enrolments.completeBody', { name: row?.learner.name ?? '', jp: row ? formatJp(row.course.jp, i18n.language) : '' })}</p>
    </ConfirmDialog>
  );
}
