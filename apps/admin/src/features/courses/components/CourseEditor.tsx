import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCourseDetail } from '@asah/contracts/courses';
import { CourseCertificatesSection, useCanManageCertificates } from '../../certificates/components/CourseCertificateSettings';
import { CoverImageField } from '../../course-content/components/CoverImageField';
import { CourseStructureEditor } from '../../course-structure/components/CourseStructureEditor';
import { CourseTabs } from '../../enrolments/components/CourseTabs';
import { CourseDetailsForm } from './CourseDetailsForm';
import { CourseHeader } from './CourseHeader';
import { CourseInstructors } from './CourseInstructors';
import { CourseStatusActions } from './CourseStatusActions';

export function CourseEditor({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const certificates = useCanManageCertificates();
  const readOnlyReason = course.can.edit ? null : course.status === 'archived' ? 'archived' : 'noAccess';
  return (
    <>
      <CourseHeader
        course={course}
        back={{ to: '/kursus', label: t('courses.title') }}
        actions={
          <Link to={`/kursus/${course.id}/pratinjau`} className="btn btn-secondary">
            {t('preview.open')}
          </Link>
        }
      />
      <CourseTabs courseId={course.id} />
      <CourseStatusActions course={course} />
      {readOnlyReason && (
        <div className="banner banner-info" role="note">
          <p>{t(`courses.readOnly.${readOnlyReason}`)}</p>
        </div>
      )}
      <nav className="section-nav" aria-label={t('courses.sectionsNav')}>
        <a href="#detail">{t('courses.detailsTitle')}</a>
        <a href="#modul">{t('structure.title')}</a>
        <a href="#pengajar">{t('courses.instructors')}</a>
        {certificates && <a href="#sertifikat">{t('certificates.course.title')}</a>}
      </nav>
      <div className="editor-stack">
        <section id="detail" className="card" aria-labelledby="detail-title">
          <h2 id="detail-title" className="card-title">
            {t('courses.detailsTitle')}
          </h2>
          <CoverImageField course={course} />
          <CourseDetailsForm key={course.id} course={course} />
        </section>
        <section id="modul" className="card" aria-labelledby="modul-title">
          <h2 id="modul-title" className="card-title">
            {t('structure.title')}
          </h2>
          <CourseStructureEditor course={course} />
        </section>
        <section id="pengajar" className="card" aria-labelledby="pengajar-title">
          <h2 id="pengajar-title" className="card-title">
            {t('courses.instructors')}
          </h2>
          <CourseInstructors course={course} />
        </section>
        <CourseCertificatesSection course={course} />
      </div>
    </>
  );
}
