import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { useEnrolFromGap, useMyCompetencyProfile } from '../hooks/use-competency-profile';
import { orderGaps, type RecommendedCourseView } from '../profile-rows';
import { CompetencyChart } from './CompetencyChart';
import { GapCard } from './GapCard';
import { ProfileSummary } from './ProfileSummary';

/** Required vs current per competency, then every gap with the courses that would close it. */
export function CompetencyProfile() {
  const { t } = useTranslation();
  const profile = useMyCompetencyProfile();
  const enrol = useEnrolFromGap();
  const [enrolled, setEnrolled] = useState<string | null>(null);

  if (profile.isPending) return <LoadingState />;
  if (profile.isError) return <ErrorBanner error={profile.error} onRetry={() => void profile.refetch()} />;
  const { positionName, rows } = profile.data;
  if (!positionName) return <p className="callout">{t('competency.noPosition')}</p>;
  if (rows.length === 0) return <p className="callout">{t('competency.noStandard')}</p>;

  const ordered = orderGaps(rows);
  const gaps = ordered.filter((row) => row.severity === 'minor' || row.severity === 'major');
  // Unassessed competencies need an assessment, not a course: one short list, not a card each.
  const unassessed = ordered.filter((row) => row.severity === 'unassessed');
  const onEnrol = (course: RecommendedCourseView) =>
    enrol.mutate(course.id, { onSuccess: () => setEnrolled(course.title) });

  return (
    <>
      <section className="card" aria-labelledby="kc-profile-title">
        <h2 id="kc-profile-title" className="card-title">
          {t('competency.position', { name: positionName })}
        </h2>
        <ProfileSummary rows={rows} />
        <div style={{ marginTop: 16 }}>
          <CompetencyChart rows={rows} />
        </div>
      </section>
      <section aria-labelledby="kc-gaps-title">
        <h2 id="kc-gaps-title">{t('competency.gaps.title')}</h2>
        {enrolled && <SuccessBanner>{t('competency.gaps.enrolledNotice', { title: enrolled })}</SuccessBanner>}
        {enrol.isError && <ErrorBanner error={enrol.error} />}
        {gaps.length === 0 ? (
          <p className="callout">{t('competency.gaps.none')}</p>
        ) : (
          <ul className="kc-gaps">
            {gaps.map((gap) => (
              <GapCard key={gap.code} gap={gap} onEnrol={onEnrol} enrollingId={enrol.isPending ? enrol.variables : null} />
            ))}
          </ul>
        )}
        {unassessed.length > 0 && (
          <div className="kc-gap" style={{ marginTop: 16 }} data-testid="kc-unassessed">
            <h3 className="kc-gap-title">{t('competency.gaps.unassessedTitle', { count: unassessed.length })}</h3>
            <p className="field-hint">{t('competency.gaps.unassessedHint')}</p>
            <ul className="kc-unassessed-list">
              {unassessed.map((row) => (
                <li key={row.code}>
                  <span className="kc-code">{row.code}</span> {row.name} · {t('competency.gaps.requiredOnly', { level: row.requiredLevel })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </>
  );
}
