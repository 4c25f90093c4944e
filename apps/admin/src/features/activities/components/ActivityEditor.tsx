import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCourseActivity, TCourseDetail } from '@asah/contracts/courses';
import { ContentFilePanel } from '../../course-content/components/ContentFilePanel';
import { ScormPackagePanel } from '../../course-content/components/ScormPackagePanel';
import { ActivityTypeBadge } from '../../course-structure/components/ActivityTypeBadge';
import { ActivitySettingsForm } from './ActivitySettingsForm';
import { PageContentEditor } from './PageContentEditor';

const CONTENT_TITLES: Partial<Record<TCourseActivity['type'], string>> = {
  scorm: 'activities.contentTitles.scorm',
  page: 'activities.contentTitles.page',
  file: 'activities.contentTitles.file',
  video: 'activities.contentTitles.video',
};

export function ActivityEditor({ course, activity }: { course: TCourseDetail; activity: TCourseActivity }) {
  const { t } = useTranslation();
  const readOnly = !course.can.edit;
  const section = course.sections.find((s) => s.id === activity.sectionId);
  const contentTitle = CONTENT_TITLES[activity.type];
  return (
    <>
      <div className="page-header course-header">
        <div>
          <Link to={`/kursus/${course.id}#modul`} className="back-link">
            <span aria-hidden="true">←</span> {course.title}
          </Link>
          {section && <p className="page-kicker">{section.title}</p>}
          <h1>{activity.title}</h1>
          <p className="course-meta">
            <ActivityTypeBadge type={activity.type} />
          </p>
        </div>
        <div className="page-actions">
          <Link to={`/kursus/${course.id}/pratinjau?aktivitas=${activity.id}`} className="btn btn-secondary">
            {t('preview.open')}
          </Link>
        </div>
      </div>
      <div className="editor-stack">
        {contentTitle && (
          <section className="card" aria-labelledby="content-title">
            <h2 id="content-title" className="card-title">
              {t(contentTitle)}
            </h2>
            {activity.type === 'scorm' && <ScormPackagePanel courseId={course.id} activityId={activity.id} readOnly={readOnly} />}
            {activity.type === 'page' && <PageContentEditor key={activity.id} courseId={course.id} activity={activity} readOnly={readOnly} />}
            {(activity.type === 'file' || activity.type === 'video') && (
              <ContentFilePanel courseId={course.id} activityId={activity.id} kind={activity.type} readOnly={readOnly} />
            )}
          </section>
        )}
        {activity.type === 'classroom' && (
          <div className="banner banner-info" role="note">
            <p>{t('activities.classroomPlaceholder')}</p>
          </div>
        )}
        {(activity.type === 'quiz' || activity.type === 'survey') && (
          <div className="banner banner-info" role="note">
            <p>{t('activities.reservedPlaceholder')}</p>
          </div>
        )}
        <section className="card" aria-labelledby="settings-title">
          <h2 id="settings-title" className="card-title">
            {t('activities.settingsTitle')}
          </h2>
          <ActivitySettingsForm key={activity.id} courseId={course.id} activity={activity} readOnly={readOnly} />
        </section>
      </div>
    </>
  );
}
