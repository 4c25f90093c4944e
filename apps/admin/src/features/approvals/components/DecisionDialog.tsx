import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import type { Decision } from '../hooks/use-approvals';

export interface PendingDecision {
  id: string;
  decision: Decision['decision'];
  /** Who asked and for what, for the dialog's sentence. */
  name: string;
  subject: string;
}

interface DecisionDialogProps {
  pending: PendingDecision | null;
  mutation: UseMutationResult<unknown, Error, Decision, unknown>;
  onClose: () => void;
  onDone: (decision: PendingDecision) => void;
}

/** Approve (with an optional note) or reject (a reason is required: the learner reads it). */
export function DecisionDialog({ pending, mutation, onClose, onDone }: DecisionDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  if (!pending) return null;
  const reject = pending.decision === 'reject';
  const close = () => {
    mutation.reset();
    setReason('');
    setMissing(false);
    onClose();
  };
  const confirm = () => {
    if (reject && !reason.trim()) return setMissing(true);
    mutation.mutate(
      { id: pending.id, decision: pending.decision, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          onDone(pending);
          close();
        },
      },
    );
  };
  return (
    <ConfirmDialog
      open
      danger={reject}
      title={reject ? t('approvals.rejectTitle') : t('approvals.approveTitle')}
      confirmLabel={mutation.isPending ? t('common.saving') : reject ? t('approvals.reject') : t('approvals.approve')}
      pending={mutation.isPending}
      error={mutation.error}
      onClose={close}
      onConfirm={confirm}
    >
      <p>{t(reject ? 'approvals.rejectBody' : 'approvals.approveBody', { name: pending.name, subject: pending.subject })}</p>
      <TextAreaField
        label={reject ? t('approvals.rejectReason') : t('approvals.approveNote')}
        name="reason"
        required={reject}
        optional={!reject}
        rows={3}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
        error={missing ? { type: 'server', message: t('schema.giveReason') } : undefined}
      />
    </ConfirmDialog>
  );
}
