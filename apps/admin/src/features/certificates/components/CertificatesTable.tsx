import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCertificate } from '@asah/contracts/certificates';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Nip } from '@asah/ui/components/Nip';
import { formatDay } from '../format';
import { useCertificateDownload } from '../hooks/use-certificates';
import { RevokeDialog } from './RevokeDialog';

export function CertificatesTable({ rows, busy }: { rows: readonly TCertificate[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const download = useCertificateDownload();
  const [revoking, setRevoking] = useState<TCertificate | null>(null);
  return (
    <>
      {download.isError && <ErrorBanner error={download.error} />}
      <DataTable
        caption={t('certificates.list.tableCaption')}
        className="table-compact"
        rows={rows}
        rowKey={(row) => row.id}
        busy={busy}
        rowClassName={(row) => (row.status === 'revoked' ? 'row-inactive' : undefined)}
        columns={[
          { id: 'number', header: t('certificates.list.number'), className: 'nowrap', cell: (row) => <code className="code-cell">{row.number}</code> },
          {
            id: 'holder',
            header: t('certificates.list.holder'),
            className: 'col-wide',
            cell: (row) => (
              <>
                <span className="cell-strong">{row.holder.name}</span>
                {row.holder.nip && (
                  <span className="cell-sub">
                    <Nip value={row.holder.nip} />
                  </span>
                )}
              </>
            ),
          },
          {
            id: 'course',
            header: t('certificates.list.course'),
            cell: (row) => (
              <>
                {row.course.title}
                <span className="cell-sub">{t('certificates.list.jpValue', { jp: row.jp })}</span>
              </>
            ),
          },
          { id: 'issued', header: t('certificates.list.issuedOn'), className: 'nowrap', cell: (row) => formatDay(row.issuedOn, i18n.language) },
          {
            id: 'status',
            header: t('common.status'),
            cell: (row) => (
              <>
                <Badge tone={row.status === 'valid' ? 'success' : 'danger'}>{t(`certificates.status.${row.status}`)}</Badge>
                {row.revocationReason && <span className="cell-sub">{row.revocationReason}</span>}
              </>
            ),
          },
          {
            id: 'actions',
            header: <span className="sr-only">{t('common.actions')}</span>,
            className: 'nowrap actions',
            cell: (row) => (
              <div className="row-actions">
                <button
                  type="button"
                  className="btn btn-secondary btn-sm"
                  disabled={download.isPending}
                  aria-label={t('certificates.list.downloadPdfOf', { number: row.number })}
                  onClick={() => download.mutate({ certificate: row, file: 'pdf' })}
                >
                  {t('certificates.list.pdf')}
                </button>
                {row.status === 'valid' && (
                  <button
                    type="button"
                    className="btn btn-link-danger btn-sm"
                    aria-label={t('certificates.list.revokeOf', { number: row.number })}
                    onClick={() => setRevoking(row)}
                  >
                    {t('certificates.list.revoke')}
                  </button>
                )}
              </div>
            ),
          },
        ]}
      />
      <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
