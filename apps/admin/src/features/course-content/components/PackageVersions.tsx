import { useTranslation } from 'react-i18next';
import type { TPackageVersion } from '@asah/contracts/content';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { formatBytes, formatDateTime } from '../../courses/format';
import { standardText } from '../package-labels';

interface PackageVersionsProps {
  versions: readonly TPackageVersion[];
  shownId: string | null;
  onShow: (version: TPackageVersion) => void;
}

/** Every uploaded version, newest first. Attempts already started keep their version; new ones use the current. */
export function PackageVersions({ versions, shownId, onShow }: PackageVersionsProps) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('content.versionsCaption')}
      className="table-compact"
      rows={versions}
      rowKey={(v) => v.id}
      columns={[
        {
          id: 'version',
          header: t('content.version'),
          className: 'nowrap',
          cell: (v) => (
            <span className="badge-list">
              <strong>{t('content.versionLabel', { version: v.version })}</strong>
              {v.current && <Badge tone="success">{t('content.currentVersion')}</Badge>}
            </span>
          ),
        },
        { id: 'standard', header: t('content.standard'), cell: (v) => standardText(t, v) },
        {
          id: 'uploaded',
          header: t('content.uploadedAt'),
          cell: (v) => (
            <>
              {formatDateTime(v.createdAt, i18n.language)}
              <span className="cell-sub">{v.uploadedBy?.name ?? t('common.none')}</span>
            </>
          ),
        },
        {
          id: 'files',
          header: t('content.files'),
          className: 'num',
          cell: (v) => (
            <>
              {v.fileCount}
              <span className="cell-sub">{formatBytes(v.totalBytes, i18n.language)}</span>
            </>
          ),
        },
        {
          id: 'actions',
          header: t('common.actions'),
          className: 'actions',
          cell: (v) => (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              aria-pressed={shownId === v.id}
              aria-label={t('content.showReportOf', { version: v.version })}
              onClick={() => onShow(v)}
            >
              {t('content.showReport')}
            </button>
          ),
        },
      ]}
    />
  );
}
