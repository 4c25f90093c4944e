import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEnrolmentRow } from '@asah/contracts/enrolments';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { useWithdrawEnrolment } from '../hooks/use-enrolments';

/** Unenrolling keeps the record (status `withdrawn`) and frees the seat for the waitlist. */
export function WithdrawDialog({ row, onClose }: { row: TEnrolmentRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawEnrolment();
  const [reason, setReason] = useState('');
  const close = () => {
    withdraw.reset();
    setReason('');
    onClose();
  };
  return (
    <ConfirmDialog
      open={row !== null}
      title={t('enrolments.withdrawTitle')}
      confirmLabel={withdraw.isPending ? t('common.saving') : t('enrolments.withdraw')}
      danger
      pending={withdraw.isPending}
      error={withdraw.error}
      onClose={close}
      onConfirm={() => row && withdraw.mutate({ id: row.id, reason: reason.trim() || undefined }, { onSuccess: close })}
    >
      <p>{t('enrolments.withdrawBody', { name: row?.learner.name ?? '' })}</p>
      <TextAreaField label={t('enrolments.withdrawReason')} name="reason" optional rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
    </ConfirmDialog>
  );
}
