import { useTranslation } from 'react-i18next';
import type { TCourseDetail } from '@asah/contracts/courses';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useEnrolmentSettings } from '../hooks/use-enrolments';
import { useIsAdmin } from '../hooks/use-is-admin';
import { EnrolmentSettingsForm } from './EnrolmentSettingsForm';
import { RulesSection } from './RulesSection';

/** "Pendaftaran": the course's enrolment method and deadline, and the saved enrolment rules. */
export function EnrolmentTab({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const settings = useEnrolmentSettings(course.id);
  return (
    <div className="editor-stack">
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title" className="card-title">
          {t('enrolmentSettings.title')}
        </h2>
        {settings.isError && <ErrorBanner error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.isPending && <LoadingState />}
        {settings.data && <EnrolmentSettingsForm key={settings.data.courseId} settings={settings.data} />}
      </section>
      {isAdmin && <RulesSection course={course} />}
    </div>
  );
}
