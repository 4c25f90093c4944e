import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEnrolmentStatus } from '@asah/contracts/enrolments';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { useWithdraw } from '../hooks/use-enrolment-actions';

interface WithdrawDialogProps {
  open: boolean;
  onClose: () => void;
  enrolmentId: string;
  status: TEnrolmentStatus;
  courseTitle: string;
}

/** Withdrawing keeps the record (and any JP already earned); a request is simply cancelled. */
export function WithdrawDialog({ open, onClose, ...props }: WithdrawDialogProps) {
  const { t } = useTranslation();
  const title = props.status === 'requested' ? t('course.cancelRequestTitle') : t('course.withdrawTitle');
  return (
    <Modal open={open} title={title} onClose={onClose} size="sm">
      <WithdrawForm onClose={onClose} {...props} />
    </Modal>
  );
}

function WithdrawForm({ onClose, enrolmentId, status, courseTitle }: Omit<WithdrawDialogProps, 'open'>) {
  const { t } = useTranslation();
  const withdraw = useWithdraw();
  const [reason, setReason] = useState('');
  return (
    <form
      className="form-stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        withdraw.mutate({ id: enrolmentId, reason: reason.trim() || undefined }, { onSuccess: onClose });
      }}
    >
      <p>{status === 'requested' ? t('course.cancelRequestBody', { title: courseTitle }) : t('course.withdrawBody', { title: courseTitle })}</p>
      {withdraw.isError && <ErrorBanner error={withdraw.error} />}
      <TextAreaField label={t('course.withdrawReason')} name="reason" optional rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-danger" disabled={withdraw.isPending}>
          {withdraw.isPending ? t('common.saving') : status === 'requested' ? t('course.cancelRequest') : t('course.withdraw')}
        </button>
      </div>
    </form>
  );
}
