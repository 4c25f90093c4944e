import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportPreview } from '@asah/contracts/user-import';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { ImportRowsTable } from './ImportRowsTable';
import { ImportSummary } from './ImportSummary';

interface ImportPreviewPanelProps {
  fileName: string;
  preview: TImportPreview;
  importing: boolean;
  importError: unknown;
  onImport: () => void;
  onReset: () => void;
}

export function ImportPreviewPanel({ fileName, preview, importing, importError, onImport, onReset }: ImportPreviewPanelProps) {
  const { t } = useTranslation();
  const [onlyInvalid, setOnlyInvalid] = useState(false);
  const rows = onlyInvalid ? preview.rows.filter((row) => row.status === 'invalid') : preview.rows;

  return (
    <section className="card" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="card-title">
        {t('userImport.previewTitle', { file: fileName })}
      </h2>
      <ImportSummary total={preview.rows.length} valid={preview.validCount} invalid={preview.invalidCount} />
      {preview.invalidCount > 0 && (
        <p className="banner banner-warning" role="note">
          {preview.validCount > 0 ? t('userImport.invalidSkipped') : t('userImport.nothingValid')}
        </p>
      )}
      {importError ? <ErrorBanner error={importError} /> : null}
      <div className="button-row import-actions">
        <button type="button" className="btn btn-primary" onClick={onImport} disabled={importing || preview.validCount === 0}>
          {importing ? t('userImport.importing') : t('userImport.importValid', { count: preview.validCount })}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onReset} disabled={importing}>
          {t('userImport.chooseAnother')}
        </button>
        {preview.invalidCount > 0 && preview.validCount > 0 && (
          <Checkbox label={t('userImport.onlyInvalid')} checked={onlyInvalid} onChange={(e) => setOnlyInvalid(e.target.checked)} />
        )}
      </div>
      {preview.rows.length === 0 ? (
        <p className="table-empty">{t('userImport.noRows')}</p>
      ) : (
        <ImportRowsTable key={String(onlyInvalid)} rows={rows} caption={t('userImport.previewCaption')} />
      )}
    </section>
  );
}
