import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCatalogueItem } from '@asah/contracts/catalogue';
import { Badge } from '@asah/ui/components/Badge';
import { EnrolmentStatusBadge } from '../../learning/components/EnrolmentStatusBadge';
import { formatDay, formatJp } from '../../learning/format';

export function CourseCard({ course }: { course: TCatalogueItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <article className="course-card" aria-labelledby={`course-${course.id}`}>
      <span className="course-card-code">{course.code}</span>
      <h2 className="course-card-title" id={`course-${course.id}`}>
        <Link to={`/kursus/${course.id}`}>{course.title}</Link>
      </h2>
      <ul className="fact-list">
        <li>
          <span className="jp-pill">{t('catalogue.jpValue', { jp: formatJp(course.jp, lang) })}</span>
        </li>
        <li>{t(`catalogue.modes.${course.deliveryMode}`)}</li>
        <li>{t(`catalogue.categories.${course.category}`)}</li>
        {course.platformWide && <li>{t('catalogue.platformWide')}</li>}
      </ul>
      {course.description && <p className="course-card-text">{course.description}</p>}
      <div className="course-card-foot">
        <span className="muted">
          {course.nextCohort
            ? t('catalogue.nextCohort', { name: course.nextCohort.name, date: formatDay(course.nextCohort.startsOn, lang) })
            : course.hasCohorts
              ? t('catalogue.noUpcomingCohort')
              : t(`catalogue.policyShort.${course.enrolmentPolicy}`)}
        </span>
        {course.myEnrolment ? (
          <EnrolmentStatusBadge status={course.myEnrolment.status} waitlistPosition={course.myEnrolment.waitlistPosition} />
        ) : course.enrolmentPolicy === 'admin_only' ? (
          <Badge tone="neutral">{t('catalogue.policyShort.admin_only')}</Badge>
        ) : null}
      </div>
    </article>
  );
}
