import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCourse } from '@asah/contracts/courses';
import { Badge } from '@asah/ui/components/Badge';
import { CourseStatusBadge } from './CourseStatusBadge';

interface CourseHeaderProps {
  course: Pick<TCourse, 'code' | 'title' | 'status'> & { agencyId?: string | null };
  back: { to: string; label: string };
  /** Above the course title, e.g. "Pratinjau sebagai peserta". */
  kicker?: string;
  actions?: ReactNode;
}

export function CourseHeader({ course, back, kicker, actions }: CourseHeaderProps) {
  const { t } = useTranslation();
  return (
    <div className="page-header course-header">
      <div>
        <Link to={back.to} className="back-link">
          <span aria-hidden="true">←</span> {back.label}
        </Link>
        {kicker && <p className="page-kicker">{kicker}</p>}
        <h1>{course.title}</h1>
        <p className="course-meta">
          <code className="code-cell">{course.code}</code>
          <CourseStatusBadge status={course.status} />
          {course.agencyId === null && <Badge tone="info">{t('courses.platformWide')}</Badge>}
        </p>
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
