import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TJpSummary } from '@asah/contracts/jp-ledger';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { formatJp } from '../../learning/format';

/** "JP tahun ini: 12 / 20" with a bar towards the target (or the cap for PPPK without a minimum). */
export function JpSummaryCard({ summary, current, showLink = true }: { summary: TJpSummary; current: boolean; showLink?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const goal = summary.target ?? summary.cap;
  const figure = goal !== null ? `${formatJp(summary.total, lang)} / ${formatJp(goal, lang)}` : formatJp(summary.total, lang);
  const percent = goal ? Math.min(100, Math.round((summary.total / goal) * 100)) : undefined;
  const heading = current ? t('jp.thisYear') : t('jp.inYear', { year: summary.year });
  return (
    <section className="card jp-card" aria-label={heading}>
      <div>
        <p className="muted">{heading}</p>
        <p className="jp-card-figure" data-testid="jp-figure">
          {figure} <small>JP</small>
        </p>
      </div>
      {goal !== null && (
        <ProgressBar
          label={summary.target !== null ? t('jp.towardsTarget') : t('jp.towardsCap')}
          percent={percent}
          detail={
            summary.remaining !== null && summary.remaining > 0
              ? t('jp.remaining', { jp: formatJp(summary.remaining, lang) })
              : summary.target !== null
                ? t('jp.targetMet')
                : undefined
          }
        />
      )}
      {summary.overCap > 0 && <p className="muted">{t('jp.overCap', { jp: formatJp(summary.overCap, lang) })}</p>}
      {showLink && (
        <Link to="/jp" className="btn btn-secondary btn-sm">
          {t('jp.seeEntries')}
        </Link>
      )}
    </section>
  );
}
