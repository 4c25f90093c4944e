import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNip } from '@asah/contracts/nip';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Pagination } from '@asah/ui/components/Pagination';
import { SelectField } from '@asah/ui/components/SelectField';
import { useNeedsCell, type NeedsCellParams } from '../hooks/use-needs';
import { formatJp } from '../format';
import type { CellContext } from './ProgramFromCellDialog';

const PAGE_SIZE = 20;
const SEVERITY_FILTERS = ['needs_development', 'major', 'minor', 'unassessed', 'all'] as const;
const TONE: Record<string, BadgeTone> = { major: 'danger', minor: 'warning', unassessed: 'neutral', none: 'success' };

interface NeedsCellPanelProps {
  unitId: string;
  competencyCode: string;
  year: number;
  onCreateProgram: (cell: CellContext) => void;
}

/** Behind one heatmap cell: the employees, the JP they still lack this year, and the courses that close the gap. */
export function NeedsCellPanel({ unitId, competencyCode, year, onCreateProgram }: NeedsCellPanelProps) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<NonNullable<NeedsCellParams['severity']>>('needs_development');
  const [page, setPage] = useState(1);
  const cell = useNeedsCell({ unitId, competencyCode, severity, page, pageSize: PAGE_SIZE });

  if (cell.isPending) return <LoadingState />;
  if (cell.isError) return <ErrorBanner error={cell.error} onRetry={() => void cell.refetch()} />;
  const detail = cell.data;
  const title = t('competency.needs.cellTitle', { competency: `${detail.competency.code} ${detail.competency.name}`, unit: detail.unit.name });

  return (
    <section className="card kc-drill" aria-labelledby="kc-cell-title" data-testid="needs-cell">
      <div className="kc-head">
        <h2 id="kc-cell-title" className="card-title">
          {title}
        </h2>
        <button
          type="button"
          className="btn btn-primary"
          disabled={detail.counts.needsDevelopment === 0}
          onClick={() =>
            onCreateProgram({
              unit: detail.unit,
              competency: detail.competency,
              people: detail.counts.needsDevelopment,
              jpSuggestion: detail.courses[0]?.jp ?? 20,
              year,
            })
          }
        >
          {t('competency.needs.createProgram')}
        </button>
      </div>
      <dl className="report-facts">
        <div>
          <dt>{t('competency.needs.facts.needsDevelopment')}</dt>
          <dd data-testid="cell-needs">{detail.counts.needsDevelopment}</dd>
        </div>
        <div>
          <dt>{t('competency.needs.facts.major')}</dt>
          <dd>{detail.counts.major}</dd>
        </div>
        <div>
          <dt>{t('competency.needs.facts.unassessed')}</dt>
          <dd>{detail.counts.unassessed}</dd>
        </div>
        <div>
          <dt>{t('competency.needs.facts.jpLacking', { year })}</dt>
          <dd data-testid="cell-jp-lacking">{formatJp(detail.jpLacking)}</dd>
        </div>
      </dl>
      <div className="kc-drill-grid">
        <div>
          <h3>{t('competency.needs.people')}</h3>
          <SelectField
            label={t('competency.needs.severityFilter')}
            name="severity"
            value={severity}
            onChange={(event) => {
              setSeverity(event.target.value as typeof severity);
              setPage(1);
            }}
          >
            {SEVERITY_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`competency.needs.severityFilters.${value}`)}
              </option>
            ))}
          </SelectField>
          <DataTable
            caption={t('competency.needs.peopleCaption', { title })}
            className="table-compact"
            rows={detail.items}
            rowKey={(row) => row.userId}
            busy={cell.isPlaceholderData}
            columns={[
              {
                id: 'name',
                header: t('competency.needs.columns.employee'),
                cell: (row) => (
                  <>
                    <span className="cell-strong">{row.name}</span>
                    {row.nip && <span className="cell-sub nip">{formatNip(row.nip)}</span>}
                  </>
                ),
              },
              {
                id: 'position',
                header: t('competency.needs.columns.position'),
                cell: (row) => (
                  <>
                    {row.position.name}
                    <span className="cell-sub">{row.unit.name}</span>
                  </>
                ),
              },
              {
                id: 'levels',
                header: t('competency.needs.columns.levels'),
                className: 'nowrap',
                cell: (row) => (
                  <>
                    {t('competency.needs.levelsValue', { current: row.currentLevel ?? '–', required: row.requiredLevel })}{' '}
                    <Badge tone={TONE[row.severity]}>{t(`competency.severity.${row.severity}`)}</Badge>
                  </>
                ),
              },
              {
                id: 'jp',
                header: t('competency.needs.columns.jp', { year }),
                className: 'num nowrap',
                cell: (row) =>
                  row.jp.target === null
                    ? formatJp(row.jp.total)
                    : t('competency.needs.jpValue', { total: formatJp(row.jp.total), target: formatJp(row.jp.target), lacking: formatJp(row.jp.lacking ?? 0) }),
              },
            ]}
          />
          {detail.total > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={detail.total} onPageChange={setPage} />}
        </div>
        <div>
          <h3>{t('competency.needs.courses')}</h3>
          {detail.courses.length === 0 ? (
            <p className="muted">{t('competency.needs.noCourses')}</p>
          ) : (
            <ul className="people-list" aria-label={t('competency.needs.courses')}>
              {detail.courses.map((course) => (
                <li key={course.courseId}>
                  <span className="cell-strong">{course.title}</span>
                  <span className="cell-sub">
                    {course.code} · {formatJp(course.jp)} JP · {t('competency.needs.courseTarget', { level: course.targetLevel })} ·{' '}
                    {course.closesGap ? t('competency.needs.closes') : t('competency.needs.partly')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
