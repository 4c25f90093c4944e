import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_LOG_STATUSES, ZDevelopmentLogStatus } from '@asah/contracts/development-logs';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Modal } from '@asah/ui/components/Modal';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { useDocumentTitle } from '@asah/ui/document-title';
import { DevelopmentLogForm } from '../features/development-logs/components/DevelopmentLogForm';
import { DevelopmentLogList } from '../features/development-logs/components/DevelopmentLogList';
import { useMyDevelopmentLogs } from '../features/development-logs/hooks/use-development-logs';
import '../features/learning/learning.css';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

/** Development done outside the platform: logged with a proof, decided by the unit head, approved logs earn JP. */
export function DevelopmentLogsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('devLogs.pageTitle'), t('portal.name'));
  const { values, page, update } = useListParams(['status'] as const);
  const status = ZDevelopmentLogStatus.safeParse(values.status).data;
  const logs = useMyDevelopmentLogs({ page, pageSize: PAGE_SIZE, status });
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(logs.data?.total, PAGE_SIZE, page, goToPage);
  const [adding, setAdding] = useState(false);
  const [sent, setSent] = useState(false);

  const add = (
    <button
      type="button"
      className="btn btn-primary"
      onClick={() => {
        setSent(false);
        setAdding(true);
      }}
    >
      {t('devLogs.add')}
    </button>
  );
  return (
    <>
      <PageHeader title={t('devLogs.pageTitle')} description={t('devLogs.pageDescription')} actions={add} />
      {sent && <SuccessBanner>{t('devLogs.sent')}</SuccessBanner>}
      <div className="toolbar">
        <SelectField label={t('common.status')} name="status" value={values.status} onChange={(e) => update({ status: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {DEVELOPMENT_LOG_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`devLogs.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {logs.isError && <ErrorBanner error={logs.error} onRetry={() => void logs.refetch()} />}
      {logs.isPending && <LoadingState />}
      {logs.data?.total === 0 && (
        <EmptyState title={status ? t('devLogs.noMatch') : t('devLogs.emptyTitle')} description={<p>{t('devLogs.emptyBody')}</p>} action={status ? undefined : add} />
      )}
      {logs.data && logs.data.total > 0 && (
        <>
          <DevelopmentLogList logs={logs.data.items} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={logs.data.total} onPageChange={goToPage} />
        </>
      )}
      <Modal open={adding} title={t('devLogs.addTitle')} onClose={() => setAdding(false)} size="lg">
        <DevelopmentLogForm
          onDone={() => setAdding(false)}
          onSent={() => {
            setAdding(false);
            setSent(true);
          }}
        />
      </Modal>
    </>
  );
}
