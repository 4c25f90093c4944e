import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { COMPETENCY_LEVEL_NAMES, COMPETENCY_LEVELS, type TCompetency } from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useSaveCompetency } from '../hooks/use-dictionary';

/**
 * Indicators are edited as one per line; the form keeps them as text and splits on save, so the
 * schema here mirrors ZCreateCompetencyRequest's rules on the text form of the same fields.
 */
const ZForm = z.object({
  code: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(200),
  definition: z.string().trim().max(2000),
  levels: z
    .array(
      z.object({
        level: z.number(),
        name: z.string().trim().min(1).max(50),
        description: z.string().trim().min(1).max(2000),
        indicators: z.string().trim().min(1),
      }),
    )
    .length(5),
});
type FormValues = z.infer<typeof ZForm>;
const FIELDS = ['code', 'name', 'definition'] as const;

/** `null` closed; `{}` adding a technical competency; `{ competency }` editing. */
export type CompetencyDialogState = { competency?: TCompetency } | null;

export function CompetencyFormDialog({ state, onClose }: { state: CompetencyDialogState; onClose: () => void }) {
  const { t } = useTranslation();
  const editing = state?.competency;
  return (
    <Modal
      open={state !== null}
      size="lg"
      title={editing ? t('competency.dictionary.editTitle', { code: editing.code }) : t('competency.dictionary.createTitle')}
      description={editing && editing.agencyId === null ? t('competency.dictionary.copyNote') : undefined}
      onClose={onClose}
    >
      {state && <CompetencyForm competency={editing} onClose={onClose} />}
    </Modal>
  );
}

function CompetencyForm({ competency, onClose }: { competency?: TCompetency; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCompetency();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<FormValues>({
    resolver: zodResolver(ZForm, zodMessages(t)) as Resolver<FormValues>,
    defaultValues: {
      code: competency?.code ?? '',
      name: competency?.name ?? '',
      definition: competency?.definition ?? '',
      levels: COMPETENCY_LEVELS.map((level) => {
        const existing = competency?.levels.find((item) => item.level === level);
        return {
          level,
          name: existing?.name ?? COMPETENCY_LEVEL_NAMES[level],
          description: existing?.description ?? '',
          indicators: existing?.indicators.join('\n') ?? '',
        };
      }),
    },
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onSubmit = handleSubmit((values) => {
    const levels = values.levels.map((level) => ({
      level: level.level as 1 | 2 | 3 | 4 | 5,
      name: level.name,
      description: level.description,
      indicators: level.indicators.split('\n').map((line) => line.trim()).filter(Boolean),
    }));
    const definition = values.definition || null;
    const body = competency
      ? { name: values.name, definition, levels }
      : { code: values.code, name: values.name, group: 'teknis' as const, definition, levels };
    save.mutate({ id: competency?.id, body }, { onSuccess: onClose, onError: serverErrors.onError });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <div className="form-grid">
        <TextField
          label={t('competency.dictionary.code')}
          hint={competency ? undefined : t('competency.dictionary.codeHint')}
          required
          disabled={Boolean(competency)}
          spellCheck={false}
          error={errors.code}
          {...register('code')}
        />
        <TextField label={t('competency.dictionary.name')} required error={errors.name} {...register('name')} />
      </div>
      <TextAreaField label={t('competency.dictionary.definition')} optional rows={2} error={errors.definition} {...register('definition')} />
      {COMPETENCY_LEVELS.map((level, index) => (
        <fieldset key={level} className="fieldset">
          <legend className="field-label">{t('competency.dictionary.levelLegend', { level })}</legend>
          <div className="form-grid">
            <TextField label={t('competency.dictionary.levelName')} required error={errors.levels?.[index]?.name} {...register(`levels.${index}.name`)} />
          </div>
          <TextAreaField
            label={t('competency.dictionary.levelDescription')}
            required
            rows={2}
            error={errors.levels?.[index]?.description}
            {...register(`levels.${index}.description`)}
          />
          <TextAreaField
            label={t('competency.dictionary.indicators')}
            hint={t('competency.dictionary.indicatorsHint')}
            required
            rows={3}
            error={errors.levels?.[index]?.indicators}
            {...register(`levels.${index}.indicators`)}
          />
        </fieldset>
      ))}
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
