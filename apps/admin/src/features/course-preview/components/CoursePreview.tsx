import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TCourseOutline } from '@asah/contracts/courses';
import { Badge } from '@asah/ui/components/Badge';
import { ActivityTypeBadge } from '../../course-structure/components/ActivityTypeBadge';
import { CourseHeader } from '../../courses/components/CourseHeader';
import { formatJp } from '../../courses/format';
import { ActivityPlayer } from './ActivityPlayer';

const ACTIVITY_PARAM = 'aktivitas';

/** The course as a learner sees it: what it is about, its modules and activities, and an activity opened. */
export function CoursePreview({ courseId, outline }: { courseId: string; outline: TCourseOutline }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const openId = params.get(ACTIVITY_PARAM);
  const activities = outline.sections.flatMap((s) => s.activities);
  const open = activities.find((a) => a.id === openId) ?? null;
  const playerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) playerRef.current?.scrollIntoView({ block: 'start' });
  }, [open]);

  const choose = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set(ACTIVITY_PARAM, id);
        else next.delete(ACTIVITY_PARAM);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <CourseHeader course={outline} kicker={t('preview.title')} back={{ to: `/kursus/${courseId}`, label: t('preview.backToEditor') }} />
      <div className="banner banner-info" role="note">
        <p>{t('preview.notice')}</p>
      </div>
      <div ref={playerRef} className="player-anchor">
        {open && <ActivityPlayer courseId={courseId} activity={open} onClose={() => choose(null)} />}
      </div>
      <div className="preview-grid">
        <section className="card preview-about" aria-labelledby="about-title">
          <h2 id="about-title" className="card-title">
            {t('preview.about')}
          </h2>
          {outline.description ? <p className="preview-description">{outline.description}</p> : null}
          <dl className="dl">
            <dt>{t('courses.category')}</dt>
            <dd>{t(`courses.categories.${outline.category}`)}</dd>
            <dt>{t('courses.deliveryMode')}</dt>
            <dd>{t(`courses.modes.${outline.deliveryMode}`)}</dd>
            <dt>{t('courses.jp')}</dt>
            <dd>{t('preview.jpValue', { jp: formatJp(outline.jp, i18n.language) })}</dd>
            <dt>{t('courses.completionRule')}</dt>
            <dd>{t(`courses.completionRules.${outline.completionRule}`)}</dd>
            <dt>{t('preview.certificate')}</dt>
            <dd>{outline.certificateOnCompletion ? t('preview.certificateYes') : t('preview.certificateNo')}</dd>
          </dl>
          <h3 className="preview-subtitle">{t('courses.competencies')}</h3>
          {outline.competencies.length === 0 ? (
            <p className="muted">{t('courses.noCompetencies')}</p>
          ) : (
            <ul className="competency-chips">
              {outline.competencies.map((c) => (
                <li key={c.code}>
                  <code className="code-cell">{c.code}</code> {t('preview.targetLevel', { level: c.targetLevel, name: t(`courses.levels.${c.targetLevel}`) })}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card preview-outline" aria-labelledby="outline-title">
          <h2 id="outline-title" className="card-title">
            {t('preview.outline')}
          </h2>
          {outline.sections.length === 0 ? (
            <p className="muted">{t('preview.emptyOutline')}</p>
          ) : (
            <ol className="outline-modules">
              {outline.sections.map((section, index) => (
                <li key={section.id} className="outline-module">
                  <h3 className="outline-module-title">
                    <span className="module-kicker">{t('structure.moduleNumber', { number: index + 1 })}</span> {section.title}
                  </h3>
                  {section.description && <p className="module-description">{section.description}</p>}
                  <ul className="outline-activities">
                    {section.activities.map((activity) => (
                      <li key={activity.id}>
                        <button
                          type="button"
                          className="outline-activity"
                          aria-current={activity.id === open?.id ? 'true' : undefined}
                          onClick={() => choose(activity.id)}
                        >
                          <ActivityTypeBadge type={activity.type} />
                          <span className="outline-activity-title">{activity.title}</span>
                          <span className="outline-activity-meta">
                            {activity.required ? <Badge tone="info">{t('structure.required')}</Badge> : <Badge tone="neutral">{t('structure.optional')}</Badge>}
                            {activity.countsForCompletion && <Badge tone="success">{t('preview.countsForCompletion')}</Badge>}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
