import { useTranslation } from 'react-i18next';

export function ImportSummary({ total, valid, invalid }: { total: number; valid: number; invalid: number }) {
  const { t } = useTranslation();
  return (
    <dl className="summary" data-testid="import-summary">
      <div className="summary-item">
        <dt>{t('userImport.summaryTotal')}</dt>
        <dd>{total}</dd>
      </div>
      <div className="summary-item summary-valid">
        <dt>{t('userImport.summaryValid')}</dt>
        <dd>{valid}</dd>
      </div>
      <div className="summary-item summary-invalid">
        <dt>{t('userImport.summaryInvalid')}</dt>
        <dd>{invalid}</dd>
      </div>
    </dl>
  );
}
