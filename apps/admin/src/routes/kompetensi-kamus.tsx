import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPETENCY_GROUPS, ZCompetencyGroup, type TCompetency } from '@asah/contracts/competency';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { CompetencyFormDialog, type CompetencyDialogState } from '../features/competency/components/CompetencyFormDialog';
import { DictionaryImportDialog } from '../features/competency/components/DictionaryImport';
import { DictionaryList } from '../features/competency/components/DictionaryList';
import { useDeleteCompetency, useDictionary, useDictionaryExportUrl } from '../features/competency/hooks/use-dictionary';
import { useListParams } from '@asah/ui/use-list-params';
import '../features/competency/competency.css';

export function DictionaryRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.dictionary.title'), t('portal.name'));
  return (
    <>
      <PageHeader
        title={t('competency.dictionary.title')}
        description={t('competency.dictionary.description')}
        actions={
          // The agency's competency rules sit one click from the dictionary rather than in the crowded main menu.
          <Link className="btn btn-secondary" to="/kompetensi/pengaturan">
            {t('competency.nav.settings')}
          </Link>
        }
      />
      <AgencyRequired>
        <DictionaryPage />
      </AgencyRequired>
    </>
  );
}

function DictionaryPage() {
  const { t } = useTranslation();
  const { values, update } = useListParams(['q', 'group'] as const);
  const group = ZCompetencyGroup.safeParse(values.group).data;
  const dictionary = useDictionary({ q: values.q || undefined, group });
  const [dialog, setDialog] = useState<CompetencyDialogState>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<TCompetency | null>(null);
  const remove = useDeleteCompetency();
  const csvUrl = useDictionaryExportUrl('csv');
  const jsonUrl = useDictionaryExportUrl('json');

  return (
    <div className="stack">
      <div className="toolbar">
        <SearchField label={t('competency.dictionary.search')} value={values.q} onChange={(q) => update({ q })} />
        <SelectField label={t('competency.dictionary.group')} name="group" value={group ?? ''} onChange={(event) => update({ group: event.target.value })}>
          <option value="">{t('common.all')}</option>
          {COMPETENCY_GROUPS.map((value) => (
            <option key={value} value={value}>
              {t(`competency.groups.${value}`)}
            </option>
          ))}
        </SelectField>
        <div className="toolbar-end button-row">
          <button type="button" className="btn btn-primary" onClick={() => setDialog({})}>
            {t('competency.dictionary.create')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => setImporting(true)}>
            {t('competency.dictionary.import')}
          </button>
          <a className="btn btn-secondary" href={csvUrl} download>
            {t('competency.dictionary.exportCsv')}
          </a>
          <a className="btn btn-secondary" href={jsonUrl} download>
            {t('competency.dictionary.exportJson')}
          </a>
        </div>
      </div>
      {dictionary.isPending && <LoadingState />}
      {dictionary.isError && <ErrorBanner error={dictionary.error} onRetry={() => void dictionary.refetch()} />}
      {dictionary.data && dictionary.data.items.length === 0 && <EmptyState title={t('competency.dictionary.empty')} />}
      {dictionary.data && dictionary.data.items.length > 0 && (
        <DictionaryList items={dictionary.data.items} onEdit={(competency) => setDialog({ competency })} onDelete={setDeleting} />
      )}
      <CompetencyFormDialog state={dialog} onClose={() => setDialog(null)} />
      <DictionaryImportDialog open={importing} onClose={() => setImporting(false)} />
      <DeleteDialog
        item={deleting}
        title={t('competency.dictionary.deleteTitle')}
        body={(competency) => <p>{t('competency.dictionary.deleteBody', { code: competency.code, name: competency.name })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
