import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POSITION_TYPES, ZPositionType, type TPosition } from '@asah/contracts/positions';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { PositionFormDialog, type PositionDialogState } from '../features/positions/components/PositionFormDialog';
import { PositionsTable } from '../features/positions/components/PositionsTable';
import { useDeletePosition, usePositions } from '../features/positions/hooks/use-positions';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

export function PositionsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('positions.title'), t('portal.name'));
  const [dialog, setDialog] = useState<PositionDialogState>(null);
  return (
    <>
      <PageHeader
        title={t('positions.title')}
        description={t('positions.description')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setDialog({})}>
            {t('positions.create')}
          </button>
        }
      />
      <AgencyRequired>
        <PositionsPage onEdit={(position) => setDialog({ position })} />
        <PositionFormDialog state={dialog} onClose={() => setDialog(null)} />
      </AgencyRequired>
    </>
  );
}

function PositionsPage({ onEdit }: { onEdit: (position: TPosition) => void }) {
  const { t } = useTranslation();
  const { values, page, update } = useListParams(['q', 'type'] as const);
  const type = ZPositionType.safeParse(values.type).data;
  const positions = usePositions({ page, pageSize: PAGE_SIZE, q: values.q || undefined, type });
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(positions.data?.total, PAGE_SIZE, page, goToPage);
  const [deleting, setDeleting] = useState<TPosition | null>(null);
  // The API refuses (POSITION_IN_USE) while employees hold the position; the dialog shows why.
  const remove = useDeletePosition();
  const filtered = Boolean(values.q || type);

  return (
    <>
      <div className="toolbar">
        <SearchField
          label={t('positions.search')}
          placeholder={t('positions.searchPlaceholder')}
          value={values.q}
          onChange={(q) => update({ q })}
        />
        <SelectField label={t('positions.typeFilter')} name="type" value={type ?? ''} onChange={(event) => update({ type: event.target.value })}>
          <option value="">{t('common.all')}</option>
          {POSITION_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`positionTypes.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {positions.isError && <ErrorBanner error={positions.error} onRetry={() => void positions.refetch()} />}
      {positions.isPending && <LoadingState />}
      {positions.data && positions.data.total === 0 && (
        <EmptyState
          title={filtered ? t('positions.noMatch') : t('positions.emptyTitle')}
          description={<p>{filtered ? t('common.tryOtherFilters') : t('positions.emptyBody')}</p>}
        />
      )}
      {positions.data && positions.data.total > 0 && (
        <>
          <PositionsTable rows={positions.data.items} busy={positions.isPlaceholderData} onEdit={onEdit} onDelete={setDeleting} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={positions.data.total} onPageChange={goToPage} />
        </>
      )}
      <DeleteDialog
        item={deleting}
        title={t('positions.deleteTitle')}
        body={(position) => <p>{t('positions.deleteBody', { name: position.name })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
