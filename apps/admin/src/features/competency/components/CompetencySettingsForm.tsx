import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_RULES, STAFF_ROUNDING_MODES, type TCompetencySettings, type TEvidenceRule } from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextField } from '@asah/ui/components/TextField';
import { useUpdateCompetencySettings } from '../hooks/use-settings';
import { EmployeePicker, type PickedEmployee } from './EmployeePicker';

type Rounding = (typeof STAFF_ROUNDING_MODES)[number];

/** The agency's competency rules: what course evidence does, the major-gap threshold, ABK hours and rounding, the plan approver. */
export function CompetencySettingsForm({ settings }: { settings: TCompetencySettings }) {
  const { t } = useTranslation();
  const update = useUpdateCompetencySettings();
  const [evidenceRule, setEvidenceRule] = useState<TEvidenceRule>(settings.evidenceRule);
  const [majorGapFrom, setMajorGapFrom] = useState(String(settings.majorGapFrom));
  const [hours, setHours] = useState(String(settings.effectiveHoursPerYear));
  const [rounding, setRounding] = useState<Rounding>(settings.staffRounding.mode);
  const [threshold, setThreshold] = useState(String(settings.staffRounding.threshold ?? 0.5));
  const [head, setHead] = useState<PickedEmployee | null>(settings.headOfAgency);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      evidenceRule,
      majorGapFrom: Number(majorGapFrom),
      effectiveHoursPerYear: Number(hours),
      staffRounding: rounding === 'round' ? { mode: 'round', threshold: Number(threshold) } : { mode: rounding },
      headOfAgencyUserId: head?.id ?? null,
    });
  };

  return (
    <form onSubmit={submit} noValidate className="card form-stack" aria-label={t('competency.settings.title')}>
      {update.isError && <ErrorBanner error={update.error} />}
      {update.isSuccess && <SuccessBanner>{t('competency.settings.saved')}</SuccessBanner>}
      <fieldset className="fieldset">
        <legend className="field-label">{t('competency.settings.evidenceRule')}</legend>
        <div className="radio-list">
          {EVIDENCE_RULES.map((rule) => (
            <label key={rule} className="radio">
              <input type="radio" name="evidenceRule" value={rule} checked={evidenceRule === rule} onChange={() => setEvidenceRule(rule)} />{' '}
              <span>
                {t(`competency.settings.evidence.${rule}`)}
                <span className="radio-hint">{t(`competency.settings.evidenceHint.${rule}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <SelectField label={t('competency.settings.majorGapFrom')} name="majorGapFrom" value={majorGapFrom} onChange={(event) => setMajorGapFrom(event.target.value)}>
          {[1, 2, 3, 4].map((value) => (
            <option key={value} value={value}>
              {t('competency.settings.levelsCount', { count: value })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('competency.settings.effectiveHours')}
          hint={t('competency.settings.effectiveHoursHint')}
          name="effectiveHoursPerYear"
          type="number"
          min={1}
          value={hours}
          onChange={(event) => setHours(event.target.value)}
        />
        <SelectField label={t('competency.settings.rounding')} name="rounding" value={rounding} onChange={(event) => setRounding(event.target.value as Rounding)}>
          {STAFF_ROUNDING_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`competency.workload.rounding.${mode}`)}
            </option>
          ))}
        </SelectField>
        {rounding === 'round' && (
          <TextField
            label={t('competency.settings.threshold')}
            hint={t('competency.settings.thresholdHint')}
            name="threshold"
            type="number"
            min={0.01}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
          />
        )}
      </div>
      <EmployeePicker label={t('competency.settings.headOfAgency')} value={head} onChange={setHead} />
      <p className="field-hint">{t('competency.settings.headOfAgencyHint')}</p>
      <div className="form-footer">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
