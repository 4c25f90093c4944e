import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourseDetail } from '@asah/contracts/courses';
import type { TBulkEnrolReport, TEnrolmentRule } from '@asah/contracts/enrolments';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useCohorts } from '../../cohorts/hooks/use-cohorts';
import { formatDateTime } from '../../courses/format';
import { useApplyEnrolmentRule, useDeleteEnrolmentRule, useEnrolmentRules } from '../hooks/use-enrolment-rules';
import { formatDay } from '../format';
import { BulkReport } from './BulkReport';
import { RuleFormDialog } from './RuleFormDialog';

/** Saved selections ("all Pengawas of Dinas Kesehatan") run again whenever an admin asks. */
export function RulesSection({ course }: { course: TCourseDetail }) {
  const { t, i18n } = useTranslation();
  const rules = useEnrolmentRules(course.id);
  const cohorts = useCohorts(course.id);
  const apply = useApplyEnrolmentRule();
  const remove = useDeleteEnrolmentRule();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TEnrolmentRule | null>(null);
  const [report, setReport] = useState<{ rule: string; report: TBulkEnrolReport } | null>(null);

  const criteriaText = (rule: TEnrolmentRule) => {
    const c = rule.criteria;
    const parts = [
      rule.unitName && (c.includeSubunits ? t('rules.unitWithSubunits', { name: rule.unitName }) : rule.unitName),
      rule.positionName,
      c.positionType && t(`positionTypes.${c.positionType}`),
      c.employmentType && t(`employmentTypes.${c.employmentType}`),
    ].filter(Boolean);
    return parts.join(' · ');
  };

  const columns: Column<TEnrolmentRule>[] = [
    {
      id: 'name',
      header: t('rules.name'),
      cell: (rule) => (
        <>
          <span className="cell-strong">{rule.name}</span>
          <span className="cell-sub">{criteriaText(rule)}</span>
        </>
      ),
    },
    { id: 'cohort', header: t('enrolments.cohort'), cell: (rule) => rule.cohort?.name ?? t('common.none') },
    { id: 'deadline', header: t('enrolments.deadline'), className: 'nowrap', cell: (rule) => (rule.deadline ? formatDay(rule.deadline, i18n.language) : t('common.none')) },
    {
      id: 'last',
      header: t('rules.lastRun'),
      cell: (rule) =>
        rule.lastAppliedAt ? (
          <>
            {formatDateTime(rule.lastAppliedAt, i18n.language)}
            {rule.lastResult && <span className="cell-sub">{t('rules.lastResult', rule.lastResult)}</span>}
          </>
        ) : (
          <span className="muted">{t('rules.neverRun')}</span>
        ),
    },
    {
      id: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      cell: (rule) => (
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={apply.isPending}
            aria-label={t('rules.runNamed', { name: rule.name })}
            onClick={() => apply.mutate(rule.id, { onSuccess: (result) => setReport({ rule: rule.name, report: result }) })}
          >
            {t('rules.run')}
          </button>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDeleting(rule)} aria-label={t('common.deleteNamed', { name: rule.name })}>
            {t('common.delete')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title" className="card-title">
        {t('rules.title')}
      </h2>
      <p className="tab-intro">{t('rules.intro')}</p>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          {t('rules.create')}
        </button>
      </div>
      {apply.error ? <ErrorBanner error={apply.error} /> : null}
      {rules.isError && <ErrorBanner error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.isPending && <LoadingState />}
      {rules.data && (
        <DataTable
          caption={t('rules.tableCaption')}
          columns={columns}
          rows={rules.data.items}
          rowKey={(rule) => rule.id}
          empty={<p className="table-empty">{t('rules.empty')}</p>}
        />
      )}
      {report && <BulkReport report={report.report} fileName={`laporan-aturan-${course.code}.csv`} />}
      <RuleFormDialog open={creating} course={course} cohorts={cohorts.data ?? []} onClose={() => setCreating(false)} />
      <DeleteDialog
        item={deleting}
        title={t('rules.deleteTitle')}
        body={(rule) => <p>{t('rules.deleteBody', { name: rule.name })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
