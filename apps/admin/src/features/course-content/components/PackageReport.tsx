import { useTranslation } from 'react-i18next';
import type { TPackageReport } from '@asah/contracts/content';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { formatBytes } from '../../courses/format';
import { standardText } from '../package-labels';
import { PackageIssueList } from './PackageIssueList';

interface PackageReportProps {
  report: TPackageReport;
  /** Where the report comes from: a dry run, a refused upload, or a stored version. */
  origin: 'validation' | 'refused' | 'version';
  version?: number;
}

/** The validation report of a SCORM / cmi5 package: what was recognised, what it launches, what is wrong. */
export function PackageReport({ report, origin, version }: PackageReportProps) {
  const { t, i18n } = useTranslation();
  const cmi5 = report.packageType === 'cmi5';
  // A zip refused before its manifest was understood has no SCOs or sequencing worth showing.
  const recognised = report.standard !== null;
  const counts = report.counts;
  const heading = version !== undefined ? t('content.reportOfVersion', { version }) : t('content.reportTitle');
  return (
    <section className="report" aria-labelledby="package-report-title">
      <div className="report-head">
        <h3 id="package-report-title" className="report-title">
          {heading}
        </h3>
        {report.accepted ? <Badge tone="success">{t('content.accepted')}</Badge> : <Badge tone="danger">{t('content.refused')}</Badge>}
      </div>
      {origin === 'validation' && <p className="muted">{report.accepted ? t('content.validationOnlyOk') : t('content.validationOnlyBad')}</p>}
      {origin === 'refused' && (
        <div className="banner banner-error" role="alert">
          <p>{t('content.refusedBody')}</p>
        </div>
      )}
      {cmi5 && (
        <div className="banner banner-info" role="note">
          <p>{t('content.cmi5Note')}</p>
        </div>
      )}
      <dl className="report-facts">
        <div>
          <dt>{t('content.standard')}</dt>
          <dd data-testid="package-standard">{standardText(t, report)}</dd>
        </div>
        {!recognised ? null : cmi5 ? (
          <div>
            <dt>{t('content.aus')}</dt>
            <dd>{counts.aus}</dd>
          </div>
        ) : (
          <>
            <div>
              <dt>{t('content.scos')}</dt>
              <dd data-testid="package-scos">{counts.scos}</dd>
            </div>
            <div>
              <dt>{t('content.assets')}</dt>
              <dd>{counts.assets}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('content.files')}</dt>
          <dd>{counts.files}</dd>
        </div>
        <div>
          <dt>{t('content.unpackedSize')}</dt>
          <dd>{formatBytes(counts.totalUncompressedBytes, i18n.language)}</dd>
        </div>
        {recognised && !cmi5 && (
          <div>
            <dt>{t('content.sequencing')}</dt>
            <dd>{report.hasSequencing ? t('common.yes') : t('common.no')}</dd>
          </div>
        )}
      </dl>
      {(report.title || report.manifestPath) && (
        <dl className="dl report-meta">
          {report.title && (
            <>
              <dt>{t('content.packageTitle')}</dt>
              <dd>{report.title}</dd>
            </>
          )}
          {report.manifestPath && (
            <>
              <dt>{t('content.manifest')}</dt>
              <dd>
                <code>{report.manifestPath}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {report.launchPages.length > 0 && (
        <div className="report-block">
          <h4 className="issue-title">{t('content.launchPages')}</h4>
          <DataTable
            caption={t('content.launchPages')}
            className="table-compact"
            rows={report.launchPages}
            rowKey={(page) => page.itemId}
            columns={[
              { id: 'title', header: t('content.launchTitle'), cell: (page) => page.title || page.itemId },
              { id: 'type', header: t('content.launchType'), cell: (page) => t(`content.launchTypes.${page.type}`), className: 'nowrap' },
              {
                id: 'href',
                header: t('content.launchHref'),
                cell: (page) => (
                  <>
                    <code className="href">{page.href}</code>
                    {page.external && <span className="cell-sub">{t('content.external')}</span>}
                  </>
                ),
              },
            ]}
          />
        </div>
      )}
      <PackageIssueList title={t('content.errorsTitle', { count: report.errors.length })} issues={report.errors} tone="error" />
      <PackageIssueList title={t('content.warningsTitle', { count: report.warnings.length })} issues={report.warnings} tone="warning" />
      {report.errors.length === 0 && report.warnings.length === 0 && <p className="muted">{t('content.noIssues')}</p>}
      {report.omittedIssueCount > 0 && <p className="muted">{t('content.omittedIssues', { count: report.omittedIssueCount })}</p>}
    </section>
  );
}
