import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@asah/contracts/user-import';
import { downloadText } from '@asah/ui/download';
import { usePositionOptions } from '../../positions/hooks/use-position-options';
import { useUnits } from '../../units/hooks/use-units';
import { IMPORT_COLUMN_ORDER, TEMPLATE_HEADERS, templateCsv } from '../import-csv';
import { ColumnAliases } from './ColumnAliases';

/** Explains the CSV columns (generated from the contract's accepted headers) and offers a template. */
export function ImportFormatHelp() {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const positions = usePositionOptions();

  const downloadTemplate = () =>
    downloadText('templat-impor-pegawai.csv', templateCsv({ unitCode: units.data?.[0]?.code, positionCode: positions.options[0]?.code }));

  return (
    <section className="card" aria-labelledby="import-format-title">
      <h2 id="import-format-title" className="card-title">
        {t('userImport.formatTitle')}
      </h2>
      <p>{t('userImport.formatIntro')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('userImport.columnsCaption')}>
        <table className="table">
          <caption className="sr-only">{t('userImport.columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('userImport.column')}</th>
              <th scope="col">{t('userImport.content')}</th>
              <th scope="col">{t('userImport.alsoAccepted')}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMN_ORDER.map((column) => (
              <tr key={column}>
                <td className="nowrap">
                  <code>{TEMPLATE_HEADERS[column]}</code>
                </td>
                <td className="col-wide">{t(`userImport.columnHelp.${column}`)}</td>
                <td>
                  <ColumnAliases column={column} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="help-list">
        <li>{t('userImport.ruleHeader')}</li>
        <li>{t('userImport.ruleSeparator')}</li>
        <li>
          {t('userImport.ruleLimits', {
            rows: IMPORT_MAX_ROWS.toLocaleString(i18n.language),
            megabytes: IMPORT_MAX_BYTES / 1024 / 1024,
          })}
        </li>
        <li>{t('userImport.rulePasswords')}</li>
      </ul>
      <button type="button" className="btn btn-secondary" onClick={downloadTemplate}>
        {t('userImport.downloadTemplate')}
      </button>
    </section>
  );
}
