import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '@asah/contracts/units';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { SearchField } from '@asah/ui/components/SearchField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { UnitFormDialog, type UnitDialogState } from '../features/units/components/UnitFormDialog';
import { UnitTreeTable } from '../features/units/components/UnitTreeTable';
import { useUnitTreeView } from '../features/units/hooks/use-unit-tree-view';
import { useDeleteUnit, useUnits } from '../features/units/hooks/use-units';

export function UnitsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('units.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.description')} />
      <AgencyRequired>
        <UnitsPage />
      </AgencyRequired>
    </>
  );
}

function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [filter, setFilter] = useState('');
  const view = useUnitTreeView(units.data, filter);
  const [dialog, setDialog] = useState<UnitDialogState>(null);
  const [deleting, setDeleting] = useState<TUnit | null>(null);
  // The API refuses (UNIT_NOT_EMPTY) while sub-units or employees remain; the dialog shows why.
  const remove = useDeleteUnit();

  if (units.isPending) return <LoadingState />;
  if (units.isError) return <ErrorBanner error={units.error} onRetry={() => void units.refetch()} />;

  const addRoot = (
    <button type="button" className="btn btn-primary" onClick={() => setDialog({ mode: 'create', parentId: null })}>
      {t('units.createRoot')}
    </button>
  );

  return (
    <>
      {units.data.length === 0 ? (
        <EmptyState title={t('units.emptyTitle')} description={<p>{t('units.emptyBody')}</p>} action={addRoot} />
      ) : (
        <>
          <div className="toolbar">
            <SearchField label={t('units.filter')} placeholder={t('units.filterPlaceholder')} value={filter} onChange={setFilter} delayMs={150} />
            <div className="button-row toolbar-end">
              <button type="button" className="btn btn-secondary btn-sm" onClick={view.expandAll} disabled={Boolean(filter)}>
                {t('units.expandAll')}
              </button>
              <button type="button" className="btn btn-secondary btn-sm" onClick={view.collapseAll} disabled={Boolean(filter)}>
                {t('units.collapseAll')}
              </button>
              {addRoot}
            </div>
          </div>
          {view.rows.length === 0 ? (
            <p className="table-empty">{t('units.noMatch')}</p>
          ) : (
            <UnitTreeTable
              rows={view.rows}
              isOpen={view.isOpen}
              onToggle={view.toggle}
              searching={Boolean(filter)}
              onAddChild={(parent) => setDialog({ mode: 'create', parentId: parent.id })}
              onEdit={(unit) => setDialog({ mode: 'edit', unit })}
              onDelete={setDeleting}
            />
          )}
        </>
      )}
      <UnitFormDialog state={dialog} tree={view.tree} onClose={() => setDialog(null)} />
      <DeleteDialog
        item={deleting}
        title={t('units.deleteTitle')}
        body={(unit) => <p>{t('units.deleteBody', { name: unit.name })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
