import { useTranslation } from 'react-i18next';
import type { TJpComplianceRow } from '@asah/contracts/jp-ledger';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { Nip } from '@asah/ui/components/Nip';
import { formatJp } from '../../courses/format';

const TONES = { below: 'danger', met: 'success', no_target: 'neutral' } as const;

export function JpComplianceTable({ rows, busy }: { rows: readonly TJpComplianceRow[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const jp = (value: number | null) => (value === null ? t('common.none') : formatJp(value, i18n.language));
  const columns: Column<TJpComplianceRow>[] = [
    {
      id: 'unit',
      header: t('jpReport.unit'),
      cell: (row) => row.unit?.name ?? <span className="muted">{t('common.none')}</span>,
    },
    {
      id: 'name',
      header: t('jpReport.employee'),
      cell: (row) => (
        <>
          <span className="cell-strong">{row.name}</span>
          <span className="cell-sub">
            <Nip value={row.nip} />
          </span>
          {row.position && <span className="cell-sub">{row.position.name}</span>}
        </>
      ),
    },
    { id: 'type', header: t('jpReport.employmentType'), cell: (row) => (row.employmentType ? t(`employmentTypes.${row.employmentType}`) : t('common.none')) },
    { id: 'total', header: t('jpReport.total'), className: 'num', cell: (row) => jp(row.total) },
    { id: 'target', header: t('jpReport.target'), className: 'num', cell: (row) => jp(row.target) },
    { id: 'remaining', header: t('jpReport.remaining'), className: 'num', cell: (row) => jp(row.remaining) },
    { id: 'status', header: t('jpReport.status'), cell: (row) => <Badge tone={TONES[row.status]}>{t(`jpReport.statuses.${row.status}`)}</Badge> },
  ];
  return <DataTable caption={t('jpReport.tableCaption')} columns={columns} rows={rows} rowKey={(row) => row.userId} busy={busy} />;
}
