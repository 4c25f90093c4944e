import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { NeedsCellPanel } from '../features/competency/components/NeedsCellPanel';
import { cellKey, NeedsHeatmap } from '../features/competency/components/NeedsHeatmap';
import { ProgramFromCellDialog, type CellContext } from '../features/competency/components/ProgramFromCellDialog';
import { formatJp } from '../features/competency/format';
import type { HeatCell } from '../features/competency/heat';
import { useNeedsExportUrl, useNeedsHeatmap } from '../features/competency/hooks/use-needs';
import '../features/competency/competency.css';

export function NeedsAnalysisRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.needs.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('competency.needs.title')} description={t('competency.needs.description')} actions={<ExportLink />} />
      <AgencyRequired>
        <NeedsAnalysisPage />
      </AgencyRequired>
    </>
  );
}

function ExportLink() {
  const { t } = useTranslation();
  const url = useNeedsExportUrl();
  return (
    <a className="btn btn-secondary" href={url} download>
      {t('competency.needs.export')}
    </a>
  );
}

function NeedsAnalysisPage() {
  const { t } = useTranslation();
  const heatmap = useNeedsHeatmap();
  const [selected, setSelected] = useState<{ rowKey: string; code: string } | null>(null);
  const [programCell, setProgramCell] = useState<CellContext | null>(null);

  const cells = useMemo(() => {
    const map = new Map<string, HeatCell>();
    for (const cell of heatmap.data?.cells ?? []) map.set(cellKey(cell.unitId, cell.competencyCode), cell);
    return map;
  }, [heatmap.data]);

  if (heatmap.isPending) return <LoadingState />;
  if (heatmap.isError) return <ErrorBanner error={heatmap.error} onRetry={() => void heatmap.refetch()} />;
  const data = heatmap.data;
  if (data.total.total === 0) {
    return <EmptyState title={t('competency.needs.emptyTitle')} description={<p>{t('competency.needs.emptyBody')}</p>} />;
  }

  return (
    <div className="stack">
      <dl className="report-facts kc-totals">
        <div>
          <dt>{t('competency.needs.facts.employees')}</dt>
          <dd>{data.total.employees}</dd>
        </div>
        <div>
          <dt>{t('competency.needs.facts.employeesNeeding')}</dt>
          <dd data-testid="needs-employees-needing">{data.total.employeesNeedingDevelopment}</dd>
        </div>
        <div>
          <dt>{t('competency.needs.facts.unassessed')}</dt>
          <dd>{data.total.unassessed}</dd>
        </div>
        <div>
          <dt>{t('competency.needs.facts.belowJp', { year: data.year })}</dt>
          <dd>{data.total.jp.belowTarget}</dd>
        </div>
        <div>
          <dt>{t('competency.needs.facts.jpLacking', { year: data.year })}</dt>
          <dd>{formatJp(data.total.jp.lacking)}</dd>
        </div>
      </dl>
      <NeedsHeatmap
        rows={data.units.map((row) => ({ key: row.unit.id, label: row.unit.name, depth: row.depth }))}
        columns={data.competencies.map((competency) => ({ code: competency.code, name: competency.name }))}
        cells={cells}
        selected={selected}
        onSelect={(rowKey, code) => setSelected({ rowKey, code })}
      />
      {selected ? (
        <NeedsCellPanel
          key={`${selected.rowKey}|${selected.code}`}
          unitId={selected.rowKey}
          competencyCode={selected.code}
          year={data.year}
          onCreateProgram={setProgramCell}
        />
      ) : (
        <p className="muted">{t('competency.needs.pickCell')}</p>
      )}
      <ProgramFromCellDialog cell={programCell} onClose={() => setProgramCell(null)} />
    </div>
  );
}
