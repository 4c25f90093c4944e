import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMPETENCY_LEVELS, ZCreateGoalRequest, type TDevelopmentGoal } from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useSaveGoal } from '../hooks/use-development-goals';

interface GoalValues {
  title: string;
  competencyCode: string | null;
  targetLevel: number | null;
  targetDate: string;
  progress: number;
  note: string | null;
}
const FIELDS = ['title', 'competencyCode', 'targetLevel', 'targetDate', 'progress', 'note'] as const;

/** `null` closed; `{}` adding; `{ goal }` editing. */
export type GoalDialogState = { goal?: TDevelopmentGoal } | null;

interface GoalFormDialogProps {
  state: GoalDialogState;
  competencies: { code: string; name: string }[];
  onClose: () => void;
}

export function GoalFormDialog({ state, competencies, onClose }: GoalFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={state !== null} title={state?.goal ? t('competency.idp.dialogEdit') : t('competency.idp.dialogAdd')} onClose={onClose}>
      {state && <GoalForm goal={state.goal} competencies={competencies} onClose={onClose} />}
    </Modal>
  );
}

const orNull = (value: string) => (value === '' ? null : value);

function GoalForm({ goal, competencies, onClose }: { goal?: TDevelopmentGoal; competencies: GoalFormDialogProps['competencies']; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveGoal();
  // The create schema checks every field; an edit sends the same full set, which PATCH accepts too.
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<GoalValues>({
    resolver: zodResolver(ZCreateGoalRequest, zodMessages(t)) as unknown as Resolver<GoalValues>,
    defaultValues: {
      title: goal?.title ?? '',
      competencyCode: goal?.competency?.code ?? null,
      targetLevel: goal?.targetLevel ?? null,
      targetDate: goal?.targetDate ?? '',
      progress: goal?.progress ?? 0,
      note: goal?.note ?? null,
    },
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onSubmit = handleSubmit((values) =>
    save.mutate({ id: goal?.id, body: values as never }, { onSuccess: onClose, onError: serverErrors.onError }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextField label={t('competency.idp.goal')} required error={errors.title} {...register('title')} />
      <SelectField label={t('competency.idp.competency')} error={errors.competencyCode} {...register('competencyCode', { setValueAs: orNull })}>
        <option value="">{t('competency.idp.competencyNone')}</option>
        {competencies.map((competency) => (
          <option key={competency.code} value={competency.code}>
            {competency.code} {competency.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('competency.idp.targetLevel')}
        error={errors.targetLevel}
        {...register('targetLevel', { setValueAs: (value: string) => (value === '' || value === null ? null : Number(value)) })}
      >
        <option value="">{t('competency.idp.targetLevelNone')}</option>
        {COMPETENCY_LEVELS.map((level) => (
          <option key={level} value={level}>
            {level} {t(`competency.levels.${level}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('competency.idp.targetDate')} type="date" required error={errors.targetDate} {...register('targetDate')} />
      <TextField
        label={t('competency.idp.progress')}
        type="number"
        min={0}
        max={100}
        step={5}
        error={errors.progress}
        {...register('progress', { valueAsNumber: true })}
      />
      <TextAreaField label={t('competency.idp.notes')} rows={3} error={errors.note} {...register('note', { setValueAs: orNull })} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
