import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZApproveRequest, ZRejectRequest } from '@asah/contracts/enrolments';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useDecide, type ApprovalKind } from '../hooks/use-approvals';

export interface PendingDecision {
  kind: ApprovalKind;
  id: string;
  decision: 'approve' | 'reject';
  /** "Budi Santoso — Pelayanan Publik Prima", for the dialog's title. */
  subject: string;
}

const FIELDS = ['reason'] as const;

/** Approving takes an optional note; rejecting needs a reason the learner will read. */
export function DecisionDialog({ pending, onClose }: { pending: PendingDecision | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={pending !== null}
      title={pending?.decision === 'reject' ? t('approvals.rejectTitle') : t('approvals.approveTitle')}
      description={pending?.subject}
      onClose={onClose}
    >
      {pending && <DecisionForm pending={pending} onClose={onClose} />}
    </Modal>
  );
}

function DecisionForm({ pending, onClose }: { pending: PendingDecision; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecide(pending.kind);
  const reject = pending.decision === 'reject';
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<{ reason?: string }>({
    resolver: zodResolver(reject ? ZRejectRequest : ZApproveRequest, zodMessages(t)),
    defaultValues: { reason: '' },
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onSubmit = handleSubmit(({ reason }) =>
    decide.mutate({ id: pending.id, decision: pending.decision, reason: reason || undefined }, { onSuccess: onClose, onError: serverErrors.onError }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      <p className="muted">{pending.subject}</p>
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextAreaField
        label={reject ? t('approvals.rejectReason') : t('approvals.approveNote')}
        hint={reject ? t('approvals.rejectReasonHint') : undefined}
        required={reject}
        optional={!reject}
        rows={3}
        // The contract's own "Give the learner a reason" is English; say it in the portal's language.
        error={errors.reason?.type === 'too_small' ? { ...errors.reason, message: t('approvals.reasonRequired') } : errors.reason}
        {...register('reason')}
      />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={reject ? 'btn btn-danger' : 'btn btn-primary'} disabled={decide.isPending}>
          {decide.isPending ? t('common.saving') : reject ? t('approvals.reject') : t('approvals.approve')}
        </button>
      </div>
    </form>
  );
}
