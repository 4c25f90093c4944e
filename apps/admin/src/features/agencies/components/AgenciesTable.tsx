import { useTranslation } from 'react-i18next';
import type { TAgency } from '@asah/contracts/agencies';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';

interface AgenciesTableProps {
  rows: readonly TAgency[];
  busy: boolean;
  onEdit: (agency: TAgency) => void;
  onToggleActive: (agency: TAgency) => void;
}

export function AgenciesTable({ rows, busy, onEdit, onToggleActive }: AgenciesTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('agencies.tableCaption')}
      rows={rows}
      rowKey={(agency) => agency.id}
      busy={busy}
      columns={[
        { id: 'code', header: t('agencies.code'), cell: (a) => <code>{a.code}</code>, className: 'nowrap' },
        { id: 'name', header: t('agencies.name'), cell: (a) => a.name },
        {
          id: 'status',
          header: t('common.status'),
          cell: (a) =>
            a.active ? <Badge tone="success">{t('status.active')}</Badge> : <Badge tone="neutral">{t('status.inactive')}</Badge>,
        },
        {
          id: 'createdAt',
          header: t('agencies.createdAt'),
          cell: (a) => new Date(a.createdAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' }),
          className: 'nowrap',
        },
        {
          id: 'actions',
          header: t('common.actions'),
          className: 'actions',
          cell: (a) => (
            <span className="button-row row-actions">
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onEdit(a)} aria-label={t('common.editNamed', { name: a.name })}>
                {t('common.edit')}
              </button>
              <button
                type="button"
                className={a.active ? 'btn btn-link-danger btn-sm' : 'btn btn-ghost btn-sm'}
                onClick={() => onToggleActive(a)}
                aria-label={t(a.active ? 'agencies.deactivateNamed' : 'agencies.activateNamed', { name: a.name })}
              >
                {a.active ? t('agencies.deactivate') : t('agencies.activate')}
              </button>
            </span>
          ),
        },
      ]}
      empty={<p className="table-empty">{t('agencies.empty')}</p>}
    />
  );
}
