import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { useUnitTree } from '../features/enrolments/hooks/use-unit-tree';
import { JpComplianceTable } from '../features/jp-report/components/JpComplianceTable';
import { JP_FILTER_KEYS, JpReportFilters, toJpQuery } from '../features/jp-report/components/JpReportFilters';
import { JpTargetsForm } from '../features/jp-report/components/JpTargetsForm';
import '../features/enrolments/enrolments.css';
import { useJpCompliance, useJpExportUrl } from '../features/jp-report/hooks/use-jp-report';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 50;

export function JpReportRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('jpReport.title'), t('portal.name'));
  return (
    <AgencyRequired>
      <JpReport />
    </AgencyRequired>
  );
}

function JpReport() {
  const { t } = useTranslation();
  const currentYear = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' }).slice(0, 4));
  const units = useUnitTree(true);
  const { values, page, update } = useListParams(JP_FILTER_KEYS);
  const query = toJpQuery(values, page, PAGE_SIZE, currentYear);
  const report = useJpCompliance(query);
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(report.data?.total, PAGE_SIZE, page, goToPage);
  const xlsx = useJpExportUrl(query, 'xlsx');
  const csv = useJpExportUrl(query, 'csv');
  const summary = report.data?.summary;

  return (
    <>
      <PageHeader
        title={t('jpReport.title')}
        description={t('jpReport.description')}
        actions={
          <>
            <a href={xlsx} className="btn btn-secondary" download>
              {t('jpReport.exportXlsx')}
            </a>
            <a href={csv} className="btn btn-secondary" download>
              {t('jpReport.exportCsv')}
            </a>
          </>
        }
      />
      <JpReportFilters values={values} onChange={update} units={units} currentYear={currentYear} />
      {summary && (
        <div className="stat-grid jp-summary" data-testid="jp-summary">
          <div className="stat">
            <p className="stat-label">{t('jpReport.employees')}</p>
            <p className="stat-value">{summary.employees}</p>
          </div>
          <div className="stat">
            <p className="stat-label">{t('jpReport.statuses.below')}</p>
            <p className="stat-value">{summary.below}</p>
          </div>
          <div className="stat">
            <p className="stat-label">{t('jpReport.statuses.met')}</p>
            <p className="stat-value">{summary.met}</p>
          </div>
          <div className="stat">
            <p className="stat-label">{t('jpReport.statuses.no_target')}</p>
            <p className="stat-value">{summary.noTarget}</p>
          </div>
        </div>
      )}
      {report.isError && <ErrorBanner error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && <LoadingState />}
      {report.data && report.data.total === 0 && <EmptyState title={t('jpReport.emptyTitle', { year: report.data.year })} description={<p>{t('common.tryOtherFilters')}</p>} />}
      {report.data && report.data.total > 0 && (
        <div className="section">
          <JpComplianceTable rows={report.data.items} busy={report.isPlaceholderData} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={report.data.total} onPageChange={goToPage} />
        </div>
      )}
      <section className="card section" aria-labelledby="jp-targets-title">
        <h2 id="jp-targets-title" className="card-title">
          {t('jpReport.targetsTitle')}
        </h2>
        <p className="tab-intro">{t('jpReport.targetsIntro')}</p>
        <JpTargetsForm />
      </section>
    </>
  );
}
