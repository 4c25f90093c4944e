import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMNS, type TImportColumn } from '@asah/contracts/user-import';
import { TEMPLATE_HEADERS } from '../import-csv';

/** The other headers the API accepts for a column, straight from the contract. */
export function ColumnAliases({ column }: { column: TImportColumn }) {
  const { t } = useTranslation();
  const aliases = IMPORT_COLUMNS[column].filter((alias) => alias !== TEMPLATE_HEADERS[column]);
  if (aliases.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <>
      {aliases.map((alias) => (
        <code key={alias} className="alias">
          {alias}
        </code>
      ))}
    </>
  );
}
