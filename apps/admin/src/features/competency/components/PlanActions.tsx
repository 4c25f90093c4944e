import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlanAction, TPlanDetail } from '@asah/contracts/competency';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { usePlanAction } from '../hooks/use-plans';

/** Submit / approve / reject / revise, as the API allows for this plan and this admin; each asks first. */
export function PlanActions({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  const act = usePlanAction(plan.id);
  const [pending, setPending] = useState<TPlanAction | null>(null);
  const [note, setNote] = useState('');
  const close = () => {
    act.reset();
    setPending(null);
    setNote('');
  };
  return (
    <>
      {plan.allowedActions.map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'reject' ? 'btn btn-danger' : action === 'revise' ? 'btn btn-secondary' : 'btn btn-primary'}
          onClick={() => setPending(action)}
        >
          {t(`competency.plan.actions.${action}`)}
        </button>
      ))}
      {pending && (
        <ConfirmDialog
          open
          danger={pending === 'reject'}
          title={t(`competency.plan.actions.${pending}`)}
          confirmLabel={t(`competency.plan.actions.${pending}`)}
          pending={act.isPending}
          error={act.error}
          onClose={close}
          onConfirm={() => act.mutate({ action: pending, note: note.trim() || null }, { onSuccess: close })}
        >
          <p>{t(`competency.plan.confirm.${pending}`, { title: plan.title })}</p>
          <TextAreaField label={t('competency.plan.note')} name="note" optional rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        </ConfirmDialog>
      )}
    </>
  );
}
