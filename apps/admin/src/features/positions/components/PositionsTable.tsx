import { useTranslation } from 'react-i18next';
import type { TPosition } from '@asah/contracts/positions';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';

interface PositionsTableProps {
  rows: readonly TPosition[];
  busy: boolean;
  onEdit: (position: TPosition) => void;
  onDelete: (position: TPosition) => void;
}

export function PositionsTable({ rows, busy, onEdit, onDelete }: PositionsTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('positions.tableCaption')}
      rows={rows}
      rowKey={(p) => p.id}
      busy={busy}
      columns={[
        { id: 'code', header: t('positions.code'), cell: (p) => <code>{p.code}</code>, className: 'nowrap' },
        { id: 'name', header: t('positions.name'), cell: (p) => p.name },
        {
          id: 'type',
          header: t('positions.type'),
          cell: (p) => <Badge tone={p.type === 'fungsional' ? 'info' : 'neutral'}>{t(`positionTypes.${p.type}`)}</Badge>,
        },
        {
          id: 'level',
          header: t('positions.functionalLevel'),
          cell: (p) => (p.functionalLevel ? t(`functionalLevels.${p.functionalLevel}`) : <span className="muted">{t('common.none')}</span>),
        },
        { id: 'employees', header: t('positions.employees'), cell: (p) => p.employeeCount, className: 'num' },
        {
          id: 'actions',
          header: t('common.actions'),
          className: 'actions',
          cell: (p) => (
            <span className="button-row row-actions">
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onEdit(p)} aria-label={t('common.editNamed', { name: p.name })}>
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="btn btn-link-danger btn-sm"
                onClick={() => onDelete(p)}
                aria-label={t('common.deleteNamed', { name: p.name })}
              >
                {t('common.delete')}
              </button>
            </span>
          ),
        },
      ]}
    />
  );
}
