import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCourseCertificateSettings } from '@asah/contracts/certificates';
import type { TCourseDetail } from '@asah/contracts/courses';
import { useMe } from '@asah/ui/auth/queries';
import { hasAnyRole } from '@asah/ui/auth/roles';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { AGENCY_ADMIN_ROLES } from '../../access/roles';
import { useCourseCertificateSettings, useSaveCourseCertificateSettings } from '../hooks/use-certificates';
import { useTemplates } from '../hooks/use-templates';

/** The course editor's certificate section: which template, and whether completion issues one by itself. */
export function CourseCertificateSettings({ course }: { course: TCourseDetail }) {
  const settings = useCourseCertificateSettings(course.id);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorBanner error={settings.error} onRetry={() => void settings.refetch()} />;
  return <CourseCertificateForm course={course} stored={settings.data} />;
}

/** Mounted once the settings are loaded, so its first render shows them and a refetch never undoes an edit. */
function CourseCertificateForm({ course, stored }: { course: TCourseDetail; stored: TCourseCertificateSettings }) {
  const { t } = useTranslation();
  const templates = useTemplates(1, 200);
  const save = useSaveCourseCertificateSettings(course.id);
  const [autoIssue, setAutoIssue] = useState(stored.autoIssue);
  const [templateId, setTemplateId] = useState(stored.templateId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const readOnly = !course.can.edit;

  return (
    <form
      className="form-stack"
      onSubmit={(event) => {
        event.preventDefault();
        save.reset();
        if (autoIssue && !templateId) return setProblem(t('certificates.course.needTemplate'));
        setProblem(null);
        save.mutate({ autoIssue, templateId: templateId || null });
      }}
    >
      <p className="muted">{t('certificates.course.intro')}</p>
      <SelectField
        label={t('certificates.course.template')}
        name="templateId"
        value={templateId}
        disabled={readOnly}
        error={problem ? { type: 'server', message: problem } : undefined}
        onChange={(e) => {
          setTemplateId(e.target.value);
          setProblem(null);
        }}
      >
        <option value="">{t('certificates.course.noTemplate')}</option>
        {templates.data?.items.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" checked={autoIssue} disabled={readOnly} onChange={(e) => setAutoIssue(e.target.checked)} />
        <span>{t('certificates.course.autoIssue')}</span>
      </label>
      {save.isError && <ErrorBanner error={save.error} />}
      {save.isSuccess && <SuccessBanner>{t('certificates.course.saved')}</SuccessBanner>}
      <div className="button-row">
        {!readOnly && (
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('certificates.course.save')}
          </button>
        )}
        <Link to={`/sertifikat/terbitkan?kursus=${course.id}`} className="btn btn-secondary">
          {t('certificates.course.issueLink')}
        </Link>
        <Link to="/sertifikat/templat" className="btn btn-ghost">
          {t('certificates.course.templatesLink')}
        </Link>
      </div>
    </form>
  );
}

/** Certificates are an admin matter: instructors editing the course do not see this section. */
export function useCanManageCertificates(): boolean {
  const { data: me } = useMe();
  return Boolean(me) && hasAnyRole(me!.roles, AGENCY_ADMIN_ROLES);
}

/** The section as the course editor shows it, for admins only. */
export function CourseCertificatesSection({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  if (!useCanManageCertificates()) return null;
  return (
    <section id="sertifikat" className="card" aria-labelledby="sertifikat-title">
      <h2 id="sertifikat-title" className="card-title">
        {t('certificates.course.title')}
      </h2>
      <CourseCertificateSettings course={course} />
    </section>
  );
}
