import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type ReactNode } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DEVELOPMENT_FORMS,
  DEVELOPMENT_ROUTES,
  ZCreateProgramRequest,
  type TDevelopmentProgram,
  type TDevelopmentRoute,
} from '@asah/contracts/competency';
import { formatNip } from '@asah/contracts/nip';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { EmployeePicker, type PickedEmployee } from './EmployeePicker';

const ZProgramFields = ZCreateProgramRequest.omit({ targetEmployeeIds: true, fromCell: true });

export interface ProgramValues {
  title: string;
  competencyCode: string;
  route: TDevelopmentRoute;
  form: string;
  provider: string;
  startsOn: string;
  endsOn: string;
  jpPerPerson: number;
  budget: number;
}
const FIELDS = ['title', 'competencyCode', 'route', 'form', 'provider', 'startsOn', 'endsOn', 'jpPerPerson', 'budget'] as const;

interface ProgramFormProps {
  defaults: Partial<ProgramValues>;
  competencies: { code: string; name: string }[];
  /** Chosen employees; hidden when the targets come from a heatmap cell. */
  targets?: PickedEmployee[];
  /** Shown above the fields, e.g. where the targets come from. */
  intro?: ReactNode;
  pending: boolean;
  submitLabel: string;
  onSubmit: (values: ProgramValues, targets: PickedEmployee[] | undefined, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}

/** The fields of a development program: competency, route and form, provider, schedule, JP and budget. */
export function ProgramForm({ defaults, competencies, targets, intro, pending, submitLabel, onSubmit, onCancel }: ProgramFormProps) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<PickedEmployee[] | undefined>(targets);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors },
  } = useForm<ProgramValues>({
    resolver: zodResolver(ZProgramFields, zodMessages(t)) as unknown as Resolver<ProgramValues>,
    defaultValues: { route: 'klasikal', form: 'pelatihan', jpPerPerson: 20, budget: 0, ...defaults },
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const route = watch('route');
  const form = watch('form');
  // Each route has its own forms (klasikal: pelatihan, seminar...; non-klasikal: e-learning, coaching...).
  useEffect(() => {
    const forms: readonly string[] = DEVELOPMENT_FORMS[route] ?? [];
    if (!forms.includes(form)) setValue('form', forms[0] ?? '');
  }, [route, form, setValue]);
  const submit = handleSubmit((values) => onSubmit(values, people, serverErrors.onError));

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      {intro}
      <TextField label={t('competency.plan.fields.title')} required error={errors.title} {...register('title')} />
      <SelectField label={t('competency.plan.fields.competency')} required error={errors.competencyCode} {...register('competencyCode')}>
        <option value="">{t('common.choose')}</option>
        {competencies.map((competency) => (
          <option key={competency.code} value={competency.code}>
            {competency.code} {competency.name}
          </option>
        ))}
      </SelectField>
      <div className="form-grid">
        <SelectField label={t('competency.plan.fields.route')} required error={errors.route} {...register('route')}>
          {DEVELOPMENT_ROUTES.map((value) => (
            <option key={value} value={value}>
              {t(`competency.routes.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('competency.plan.fields.form')} required error={errors.form} {...register('form')}>
          {(DEVELOPMENT_FORMS[route] ?? []).map((value) => (
            <option key={value} value={value}>
              {t(`competency.forms.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label={t('competency.plan.fields.provider')} required error={errors.provider} {...register('provider')} />
      <div className="form-grid">
        <TextField label={t('competency.plan.fields.startsOn')} type="date" required error={errors.startsOn} {...register('startsOn')} />
        <TextField label={t('competency.plan.fields.endsOn')} type="date" required error={errors.endsOn} {...register('endsOn')} />
        <TextField
          label={t('competency.plan.fields.jpPerPerson')}
          type="number"
          min={0}
          step={0.25}
          required
          error={errors.jpPerPerson}
          {...register('jpPerPerson', { valueAsNumber: true })}
        />
        <TextField
          label={t('competency.plan.fields.budget')}
          type="number"
          min={0}
          step={1000}
          required
          error={errors.budget}
          {...register('budget', { valueAsNumber: true })}
        />
      </div>
      {people && (
        <fieldset className="fieldset">
          <legend className="field-label">{t('competency.plan.fields.targets', { count: people.length })}</legend>
          <ul className="people-list">
            {people.map((person) => (
              <li key={person.id}>
                {person.name} {person.nip && <span className="nip">{formatNip(person.nip)}</span>}{' '}
                <button
                  type="button"
                  className="btn btn-link-danger btn-sm"
                  aria-label={t('competency.plan.removeTarget', { name: person.name })}
                  onClick={() => setPeople(people.filter((p) => p.id !== person.id))}
                >
                  {t('common.delete')}
                </button>
              </li>
            ))}
          </ul>
          <EmployeePicker
            label={t('competency.plan.addTarget')}
            value={null}
            onChange={(picked) => picked && !people.some((p) => p.id === picked.id) && setPeople([...people, picked])}
          />
        </fieldset>
      )}
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}

export function programDefaults(program: TDevelopmentProgram): Partial<ProgramValues> {
  return {
    title: program.title,
    competencyCode: program.competency.code,
    route: program.route,
    form: program.form,
    provider: program.provider,
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    jpPerPerson: program.jpPerPerson,
    budget: program.budget,
  };
}
