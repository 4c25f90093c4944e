import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTemplate } from '@asah/contracts/certificates';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';

export function TemplatesTable({ rows, busy }: { rows: readonly TTemplate[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('certificates.templates.tableCaption')}
      rows={rows}
      rowKey={(row) => row.id}
      busy={busy}
      rowClassName={(row) => (row.archived ? 'row-inactive' : undefined)}
      columns={[
        {
          id: 'name',
          header: t('certificates.templates.name'),
          className: 'col-wide',
          cell: (row) => (
            <>
              <Link to={`/sertifikat/templat/${row.id}`} className="cell-strong">
                {row.name}
              </Link>
              {row.archived && (
                <>
                  {' '}
                  <Badge>{t('certificates.templates.archived')}</Badge>
                </>
              )}
            </>
          ),
        },
        { id: 'orientation', header: t('certificates.templates.orientation'), cell: (row) => t(`certificates.orientation.${row.orientation}`) },
        { id: 'fields', header: t('certificates.templates.fields'), className: 'num', cell: (row) => row.fields.length },
        { id: 'signer', header: t('certificates.templates.signer'), cell: (row) => row.signer.name },
        { id: 'version', header: t('certificates.templates.version'), className: 'num', cell: (row) => row.version },
        {
          id: 'updated',
          header: t('certificates.templates.updatedAt'),
          className: 'nowrap',
          cell: (row) => new Date(row.updatedAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' }),
        },
      ]}
    />
  );
}
