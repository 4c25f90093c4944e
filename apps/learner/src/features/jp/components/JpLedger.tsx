import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TJpEntry } from '@asah/contracts/jp-ledger';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { formatDay, formatJp } from '../../learning/format';

interface JpLedgerProps {
  entries: readonly TJpEntry[];
  /** Where each entry came from: a course page, or the development log list. */
  sourceLink: (entry: TJpEntry) => string | null;
  busy?: boolean;
}

/** The year's entries, each naming its source (a completed course, an attended session, an approved log). */
export function JpLedger({ entries, sourceLink, busy }: JpLedgerProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<TJpEntry>[] = [
    { id: 'date', header: t('jp.date'), cell: (e) => formatDay(e.occurredOn, lang) },
    {
      id: 'source',
      header: t('jp.source'),
      cell: (e) => {
        const to = sourceLink(e);
        return (
          <>
            <Badge tone="info">{t(`jp.sources.${e.sourceType}`)}</Badge>
            <span className="cell-sub">{to ? <Link to={to}>{e.description}</Link> : e.description}</span>
          </>
        );
      },
    },
    { id: 'jp', header: t('jp.amount'), className: 'num', cell: (e) => <strong>{formatJp(e.jp, lang)}</strong> },
  ];
  return <DataTable caption={t('jp.entriesCaption')} columns={columns} rows={entries} rowKey={(e) => e.id} busy={busy} empty={t('jp.noEntries')} />;
}
