import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZPackageInvalidDetails } from '@asah/contracts/content';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { usePackageImport, usePackageValidation, usePackageVersions } from '../hooks/use-package';
import { PackageReport } from './PackageReport';
import { PackageVersions } from './PackageVersions';
import { UploadForm } from './UploadForm';

type PackageAction = 'import' | 'validate';

/** A refused upload carries the full report, so its errors show exactly as a dry run's would. */
function refusedReport(error: unknown) {
  if (!isApiError(error, 'PACKAGE_INVALID')) return null;
  return ZPackageInvalidDetails.safeParse(error.details).data?.report ?? null;
}

/**
 * SCORM / cmi5 package of an activity: upload a zip (or only check it), see the validation
 * report, and the versions kept so far.
 */
export function ScormPackagePanel({ courseId, activityId, readOnly }: { courseId: string; activityId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const versions = usePackageVersions(courseId, activityId);
  const importer = usePackageImport(courseId, activityId);
  const validator = usePackageValidation(courseId, activityId);
  const [action, setAction] = useState<PackageAction | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const active = action === 'validate' ? validator : importer;

  const submit = (file: File, next: PackageAction) => {
    importer.reset();
    validator.reset();
    setShownId(null);
    setAction(next);
    if (next === 'validate') validator.upload(file);
    else importer.upload(file);
  };

  const items = versions.data?.items ?? [];
  const shown = items.find((v) => v.id === shownId) ?? items.find((v) => v.current) ?? items[0];
  const refused = action === 'import' ? refusedReport(importer.error) : null;

  let report = null;
  if (action === 'validate' && validator.result) report = <PackageReport report={validator.result.report} origin="validation" />;
  else if (refused) report = <PackageReport report={refused} origin="refused" />;
  else if (action === 'import' && importer.result && !shownId) report = <PackageReport report={importer.result.report} origin="version" version={importer.result.version} />;
  else if (shown && active.phase !== 'uploading' && active.phase !== 'processing') report = <PackageReport report={shown.report} origin="version" version={shown.version} />;

  return (
    <div className="form-stack">
      {!readOnly && (
        <UploadForm<PackageAction>
          label={t('content.packageFile')}
          hint={t('content.packageHint')}
          accept=".zip,application/zip,application/x-zip-compressed"
          actions={[
            { id: 'import', label: items.length > 0 ? t('content.uploadNewVersion') : t('content.uploadPackage'), primary: true },
            { id: 'validate', label: t('content.validateOnly') },
          ]}
          check={(file) => (/\.zip$/i.test(file.name) ? null : t('content.notZip'))}
          onSubmit={submit}
          phase={active.phase}
          progress={active.progress}
          processingLabel={t('content.processingPackage')}
          onCancel={active.cancel}
        />
      )}
      {active.phase === 'failed' && !refused && !isApiError(active.error, 'PACKAGE_INVALID') && <ErrorBanner error={active.error} />}
      {action === 'import' && importer.result && <SuccessBanner>{t('content.packageSaved', { version: importer.result.version })}</SuccessBanner>}
      {report}
      <section className="report-block" aria-labelledby="versions-title">
        <h3 id="versions-title" className="report-title">
          {t('content.versionsTitle')}
        </h3>
        {versions.isPending && <LoadingState />}
        {versions.isError && <ErrorBanner error={versions.error} onRetry={() => void versions.refetch()} />}
        {versions.data && items.length === 0 && <p className="muted">{t('content.noVersions')}</p>}
        {items.length > 0 && (
          <PackageVersions
            versions={items}
            shownId={shown?.id ?? null}
            onShow={(version) => {
              setAction(null);
              setShownId(version.id);
            }}
          />
        )}
      </section>
    </div>
  );
}
