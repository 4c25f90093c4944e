import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCourseSummary } from '@asah/contracts/courses';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { formatJp } from '../format';
import { CourseStatusBadge } from './CourseStatusBadge';

export function CoursesTable({ rows, busy }: { rows: readonly TCourseSummary[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const scope = useAgencyScope();
  const agencyName = (id: string | null) => scope.agencies.find((agency) => agency.id === id)?.name;
  return (
    <DataTable
      caption={t('courses.tableCaption')}
      className="table-compact"
      rows={rows}
      rowKey={(c) => c.id}
      busy={busy}
      rowClassName={(c) => (c.status === 'archived' ? 'row-inactive' : undefined)}
      columns={[
        { id: 'code', header: t('courses.code'), cell: (c) => <code className="code-cell">{c.code}</code>, className: 'nowrap' },
        {
          id: 'title',
          header: t('courses.titleLabel'),
          className: 'col-wide',
          cell: (c) => (
            <>
              <Link to={`/kursus/${c.id}`} className="cell-strong">
                {c.title}
              </Link>
              <span className="cell-sub">
                {t('courses.structureCount', { sections: c.sectionCount, activities: c.activityCount })}
                {c.agencyId === null ? (
                  <>
                    {' · '}
                    <Badge tone="info">{t('courses.platformWide')}</Badge>
                  </>
                ) : (
                  scope.isPlatformAdmin && agencyName(c.agencyId) && ` · ${agencyName(c.agencyId)}`
                )}
              </span>
            </>
          ),
        },
        { id: 'category', header: t('courses.category'), cell: (c) => t(`courses.categories.${c.category}`) },
        { id: 'mode', header: t('courses.deliveryModeShort'), cell: (c) => t(`courses.modes.${c.deliveryMode}`), className: 'nowrap' },
        { id: 'jp', header: t('courses.jpShort'), cell: (c) => formatJp(c.jp, i18n.language), className: 'num' },
        { id: 'status', header: t('common.status'), cell: (c) => <CourseStatusBadge status={c.status} />, className: 'nowrap' },
        {
          id: 'instructors',
          header: t('courses.instructors'),
          className: 'nowrap',
          cell: (c) =>
            c.agencyId === null ? <span className="muted">{t('common.none')}</span> : t('courses.instructorCount', { count: c.instructorCount }),
        },
      ]}
    />
  );
}
