import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImportPreview } from '@asah/contracts/user-import';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { ImportFormatHelp } from '../features/user-import/components/ImportFormatHelp';
import { ImportPreviewPanel } from '../features/user-import/components/ImportPreviewPanel';
import { ImportResultPanel } from '../features/user-import/components/ImportResultPanel';
import { ImportUploadForm } from '../features/user-import/components/ImportUploadForm';
import { useImportCommit, useImportPreview } from '../features/user-import/hooks/use-user-import';

export function UserImportRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('userImport.title'), t('portal.name'));
  return (
    <>
      <PageHeader
        title={t('userImport.title')}
        description={t('userImport.description')}
        actions={
          <Link to="/pegawai" className="btn btn-secondary">
            {t('userImport.toUsers')}
          </Link>
        }
      />
      <AgencyRequired>
        <UserImportPage />
      </AgencyRequired>
    </>
  );
}

/** Choose a file → check it (nothing saved) → import the valid rows of the same file. */
function UserImportPage() {
  const preview = useImportPreview();
  const commit = useImportCommit();
  const [checked, setChecked] = useState<{ file: File; preview: TImportPreview } | null>(null);

  const reset = () => {
    preview.reset();
    commit.reset();
    setChecked(null);
  };

  if (commit.data) return <ImportResultPanel result={commit.data} onReset={reset} />;

  return (
    <div className="stack">
      {checked ? (
        <ImportPreviewPanel
          fileName={checked.file.name}
          preview={checked.preview}
          importing={commit.isPending}
          importError={commit.error}
          onImport={() => commit.mutate(checked.file)}
          onReset={reset}
        />
      ) : (
        <>
          {preview.isError && <ErrorBanner error={preview.error} />}
          <ImportUploadForm
            pending={preview.isPending}
            onSubmit={(file) => preview.mutate(file, { onSuccess: (result) => setChecked({ file, preview: result }) })}
          />
          <ImportFormatHelp />
        </>
      )}
    </div>
  );
}
