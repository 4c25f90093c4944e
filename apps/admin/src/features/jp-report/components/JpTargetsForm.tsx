import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TJpTarget } from '@asah/contracts/jp-ledger';
import { ApiError } from '@asah/ui/api-client';
import { Badge } from '@asah/ui/components/Badge';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextField } from '@asah/ui/components/TextField';
import { fieldProblemMessage } from '@asah/ui/errors';
import type { FieldError } from 'react-hook-form';
import { translated } from '../../enrolments/schema-messages';
import { useJpTargets, useSetJpTargets } from '../hooks/use-jp-report';

type Row = { target: string; cap: string };
const toText = (value: number | null) => (value === null ? '' : String(value));
const toNumber = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

/** Minimum JP (target) and most that counts (cap) per employment type; empty = none. */
export function JpTargetsForm() {
  const { t } = useTranslation();
  const targets = useJpTargets();
  if (targets.isPending) return <LoadingState />;
  if (targets.isError) return <ErrorBanner error={targets.error} onRetry={() => void targets.refetch()} />;
  return <TargetsEditor key={targets.data.agencyId} items={targets.data.items} />;
}

function TargetsEditor({ items }: { items: TJpTarget[] }) {
  const { t } = useTranslation();
  const save = useSetJpTargets();
  const [rows, setRows] = useState<Record<string, Row>>(() => Object.fromEntries(items.map((i) => [i.employmentType, { target: toText(i.target), cap: toText(i.cap) }])));
  const [saved, setSaved] = useState(false);

  const problems: Record<string, FieldError> = {};
  if (save.error instanceof ApiError) {
    for (const problem of save.error.fieldErrors) {
      // items.<index>.<target|cap>
      const [, index, field] = problem.field.split('.');
      const type = items[Number(index)]?.employmentType;
      if (type && field) problems[`${type}.${field}`] = { type: 'server', message: fieldProblemMessage(t, problem) };
    }
  }
  const bannerError = save.error && Object.keys(problems).length === 0 ? save.error : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { items: items.map((i) => ({ employmentType: i.employmentType, target: toNumber(rows[i.employmentType].target), cap: toNumber(rows[i.employmentType].cap) })) },
      { onSuccess: () => setSaved(true) },
    );
  };
  const set = (type: string, patch: Partial<Row>) => {
    setSaved(false);
    setRows((current) => ({ ...current, [type]: { ...current[type], ...patch } }));
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      {bannerError ? <ErrorBanner error={bannerError} /> : null}
      {saved && <SuccessBanner>{t('jpReport.targetsSaved')}</SuccessBanner>}
      {items.map((item) => (
        <fieldset key={item.employmentType} className="fieldset">
          <legend className="field-label">
            {t(`employmentTypes.${item.employmentType}`)} {item.isDefault && <Badge>{t('jpReport.platformDefault')}</Badge>}
          </legend>
          <div className="form-grid">
            <TextField
              label={t('jpReport.targetLabel')}
              name={`${item.employmentType}.target`}
              inputMode="decimal"
              optional
              hint={t('jpReport.targetHint')}
              value={rows[item.employmentType].target}
              onChange={(e) => set(item.employmentType, { target: e.target.value })}
              error={translated(t, problems[`${item.employmentType}.target`])}
            />
            <TextField
              label={t('jpReport.capLabel')}
              name={`${item.employmentType}.cap`}
              inputMode="decimal"
              optional
              hint={t('jpReport.capHint')}
              value={rows[item.employmentType].cap}
              onChange={(e) => set(item.employmentType, { cap: e.target.value })}
              error={translated(t, problems[`${item.employmentType}.cap`])}
            />
          </div>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('jpReport.saveTargets')}
        </button>
      </div>
    </form>
  );
}
