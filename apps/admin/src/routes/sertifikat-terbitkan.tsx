import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { SelectField } from '@asah/ui/components/SelectField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { BulkIssueForm } from '../features/certificates/components/BulkIssueForm';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { CertificatesNav } from '../features/certificates/components/CertificatesNav';
import { IssueOneForm } from '../features/certificates/components/IssueOneForm';
import { RecentJobs } from '../features/certificates/components/RecentJobs';
import { useIssuableCourses } from '../features/certificates/hooks/use-issue-choices';
import { useTemplates } from '../features/certificates/hooks/use-templates';
import '../features/certificates/certificates.css';
import { useListParams } from '@asah/ui/use-list-params';

/** Issue certificates of one course: to one learner, or in bulk as a job. `?kursus=` preselects the course. */
export function IssueCertificatesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('certificates.issue.title'), t('portal.name'));
  const { values, update } = useListParams(['kursus', 'templat'] as const);
  const courses = useIssuableCourses();
  const templates = useTemplates(1, 200);
  const courseId = values.kursus;
  const templateId = values.templat || undefined;

  return (
    <>
      <PageHeader title={t('certificates.title')} description={t('certificates.issue.description')} />
      <CertificatesNav />
      <AgencyRequired>
        <div className="card">
          <div className="form-grid">
            <SelectField label={t('certificates.issue.course')} name="course" value={courseId} onChange={(e) => update({ kursus: e.target.value, templat: values.templat })}>
              <option value="">{t('common.choose')}</option>
              {courses.data?.map((course) => (
                <option key={course.id} value={course.id}>
                  {course.code} · {course.title}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('certificates.issue.template')}
              name="template"
              value={values.templat}
              hint={t('certificates.issue.templateHint')}
              onChange={(e) => update({ templat: e.target.value, kursus: values.kursus })}
            >
              <option value="">{t('certificates.issue.courseTemplate')}</option>
              {templates.data?.items.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </SelectField>
          </div>
          {courseId && (
            <p className="field-hint">
              <Link to={`/kursus/${courseId}#sertifikat`}>{t('certificates.issue.courseSettingsLink')}</Link>
            </p>
          )}
        </div>
        {courseId ? (
          <div className="issue-grid">
            <BulkIssueForm key={`bulk-${courseId}`} courseId={courseId} templateId={templateId} />
            <IssueOneForm key={`one-${courseId}`} courseId={courseId} templateId={templateId} />
          </div>
        ) : (
          <p className="muted">{t('certificates.issue.chooseCourseFirst')}</p>
        )}
        <RecentJobs />
      </AgencyRequired>
    </>
  );
}
