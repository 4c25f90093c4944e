import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAgency } from '@asah/contracts/agencies';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { SearchField } from '@asah/ui/components/SearchField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgenciesTable } from '../features/agencies/components/AgenciesTable';
import { AgencyStatusDialog } from '../features/agencies/components/AgencyStatusDialog';
import { CreateAgencyDialog } from '../features/agencies/components/CreateAgencyDialog';
import { EditAgencyDialog } from '../features/agencies/components/EditAgencyDialog';
import { useAgencies } from '../features/agencies/hooks/use-agencies';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

export function AgenciesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('agencies.title'), t('portal.name'));
  const { values, page, update } = useListParams(['q'] as const);
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  const agencies = useAgencies({ page, pageSize: PAGE_SIZE, q: values.q || undefined });
  useClampPage(agencies.data?.total, PAGE_SIZE, page, goToPage);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TAgency | null>(null);
  const [toggling, setToggling] = useState<TAgency | null>(null);

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.description')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('agencies.create')}
          </button>
        }
      />
      <div className="toolbar">
        <SearchField
          label={t('agencies.search')}
          placeholder={t('agencies.searchPlaceholder')}
          value={values.q}
          onChange={(q) => update({ q })}
        />
      </div>
      {agencies.isError && <ErrorBanner error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.isPending ? (
        <LoadingState />
      ) : (
        agencies.data && (
          <>
            <AgenciesTable
              rows={agencies.data.items}
              busy={agencies.isPlaceholderData}
              onEdit={setEditing}
              onToggleActive={setToggling}
            />
            <Pagination page={page} pageSize={PAGE_SIZE} total={agencies.data.total} onPageChange={goToPage} />
          </>
        )
      )}
      <CreateAgencyDialog open={creating} onClose={() => setCreating(false)} />
      <EditAgencyDialog agency={editing} onClose={() => setEditing(null)} />
      <AgencyStatusDialog agency={toggling} onClose={() => setToggling(null)} />
    </>
  );
}
