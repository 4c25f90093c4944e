import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImportResult } from '@asah/contracts/user-import';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { downloadText } from '@asah/ui/download';
import { passwordsCsv, timestampedName } from '../import-csv';
import { ImportRowsTable } from './ImportRowsTable';
import { ImportSummary } from './ImportSummary';

export function ImportResultPanel({ result, onReset }: { result: TImportResult; onReset: () => void }) {
  const { t } = useTranslation();
  const invalidRows = result.rows.filter((row) => row.status === 'invalid');
  const created = result.created.length;

  return (
    <section className="card" aria-labelledby="import-result-title">
      <h2 id="import-result-title" className="card-title">
        {t('userImport.resultTitle')}
      </h2>
      <SuccessBanner>{t('userImport.createdCount', { count: created })}</SuccessBanner>
      <ImportSummary total={result.rows.length} valid={result.validCount} invalid={result.invalidCount} />
      {created > 0 && (
        <div className="callout">
          <p>{t('userImport.passwordsExplain')}</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => downloadText(timestampedName('kata-sandi-awal'), passwordsCsv(result), { excelBom: true })}
          >
            {t('userImport.downloadPasswords')}
          </button>
        </div>
      )}
      {invalidRows.length > 0 && (
        <div className="section">
          <h3>{t('userImport.notImportedTitle', { count: invalidRows.length })}</h3>
          <p className="muted">{t('userImport.notImportedHint')}</p>
          <ImportRowsTable rows={invalidRows} caption={t('userImport.notImportedCaption')} />
        </div>
      )}
      <div className="button-row section">
        <button type="button" className="btn btn-secondary" onClick={onReset}>
          {t('userImport.importAnother')}
        </button>
        <Link to="/pegawai" className="btn btn-ghost">
          {t('userImport.toUsers')}
        </Link>
      </div>
    </section>
  );
}
