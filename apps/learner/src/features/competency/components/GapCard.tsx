import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import type { GapView, RecommendedCourseView } from '../profile-rows';

const TONE: Record<GapView['severity'], BadgeTone> = { major: 'danger', minor: 'warning', unassessed: 'neutral', none: 'success' };

interface GapCardProps {
  gap: GapView;
  onEnrol?: (course: RecommendedCourseView) => void;
  enrollingId?: string | null;
}

/** One competency that needs development, with the courses that would close it, best first. */
export function GapCard({ gap, onEnrol, enrollingId }: GapCardProps) {
  const { t } = useTranslation();
  const headingId = `gap-${gap.code}`;
  return (
    <li className="kc-gap" aria-labelledby={headingId}>
      <div className="kc-gap-head">
        <h3 className="kc-gap-title" id={headingId}>
          <span className="kc-code">{gap.code}</span> {gap.name}
        </h3>
        <Badge tone={TONE[gap.severity]}>
          {gap.gap !== null && gap.gap > 0 ? t('competency.gaps.gapOf', { count: gap.gap }) : t(`competency.severity.${gap.severity}`)}
        </Badge>
      </div>
      <p className="muted">
        {gap.currentLevel === null
          ? t('competency.gaps.levelLineUnassessed', { required: levelName(t, gap.requiredLevel) })
          : t('competency.gaps.levelLine', { current: levelName(t, gap.currentLevel), required: levelName(t, gap.requiredLevel) })}
      </p>
      {gap.flaggedLevel !== null && <p className="field-hint">{t('competency.gaps.flagged', { level: gap.flaggedLevel })}</p>}
      <h4 className="kc-gap-sub">{t('competency.gaps.recommended')}</h4>
      {gap.courses.length === 0 ? (
        <p className="muted">{t('competency.gaps.noCourses')}</p>
      ) : (
        <ul className="kc-courses" aria-label={t('competency.gaps.recommendedFor', { name: gap.name })}>
          {gap.courses.map((course) => (
            <li key={course.id} className="kc-course">
              <div>
                <Link to={`/kursus/${course.id}`} className="cell-strong">
                  {course.title}
                </Link>
                <div className="kc-course-meta">
                  {t('competency.gaps.courseMeta', { jp: course.jp, level: course.targetLevel })} ·{' '}
                  {course.closesGap ? t('competency.gaps.closes') : t('competency.gaps.partly', { level: course.targetLevel })}
                </div>
              </div>
              {course.enrolled ? (
                <Badge tone="success">{t([`competency.gaps.enrolment.${course.enrolmentStatus}`, 'competency.gaps.enrolled'])}</Badge>
              ) : onEnrol ? (
                <button
                  type="button"
                  className="btn btn-primary btn-sm"
                  disabled={enrollingId === course.id}
                  aria-label={t('competency.gaps.enrolIn', { title: course.title })}
                  onClick={() => onEnrol(course)}
                >
                  {t('competency.gaps.enrol')}
                </button>
              ) : (
                <Link to={`/kursus/${course.id}`} className="btn btn-secondary btn-sm">
                  {t('competency.gaps.open')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function levelName(t: (key: string) => string, level: number): string {
  return `${level} ${t(`competency.levels.${level}`)}`;
}
