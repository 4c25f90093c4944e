import { useTranslation } from 'react-i18next';
import type { CompetencyChartRow } from '../profile-rows';
import { LEVEL_MAX } from '../profile-rows';

const TICKS = Array.from({ length: LEVEL_MAX + 1 }, (_, i) => i);

/**
 * Required vs current level per competency as horizontal bars drawn with CSS: the filled bar is the
 * current level, the dark tick the required one. Each row also says both numbers in words, so the
 * chart reads the same without colour or sight (no chart library: five levels need no axis maths).
 */
export function CompetencyChart({ rows }: { rows: CompetencyChartRow[] }) {
  const { t } = useTranslation();
  return (
    <figure className="kc-chart" aria-labelledby="kc-chart-caption">
      <figcaption id="kc-chart-caption" className="kc-chart-caption">
        {t('competency.chart.caption')}
      </figcaption>
      <div className="kc-chart-legend" aria-hidden="true">
        {(['none', 'minor', 'major'] as const).map((severity) => (
          <span key={severity}>
            <i className={`kc-swatch kc-swatch-${severity}`} /> {t(`competency.chart.current`)}: {t(`competency.severity.${severity}`)}
          </span>
        ))}
        <span>
          <i className="kc-swatch kc-swatch-required" /> {t('competency.chart.required')}
        </span>
      </div>
      <ul className="kc-chart-rows">
        {rows.map((row) => (
          <li key={row.code} className={`kc-chart-row kc-sev-${row.severity}`}>
            <div className="kc-chart-label">
              <span className="kc-code">{row.code}</span> {row.name}
            </div>
            <div className="kc-chart-track" aria-hidden="true">
              {TICKS.slice(1).map((tick) => (
                <span key={tick} className="kc-chart-grid" style={{ left: `${(tick / LEVEL_MAX) * 100}%` }} />
              ))}
              <span className="kc-chart-bar" style={{ width: `${((row.currentLevel ?? 0) / LEVEL_MAX) * 100}%` }} />
              <span className="kc-chart-required" style={{ left: `${(row.requiredLevel / LEVEL_MAX) * 100}%` }} />
            </div>
            <div className="kc-chart-values">
              {row.currentLevel === null
                ? t('competency.chart.valuesUnassessed', { required: row.requiredLevel })
                : t('competency.chart.values', { current: row.currentLevel, required: row.requiredLevel })}
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}
