import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { SelectField } from '@asah/ui/components/SelectField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { PlanDetail } from '../features/competency/components/PlanDetail';
import { useCreatePlan, usePlan, usePlans } from '../features/competency/hooks/use-plans';
import '../features/competency/competency.css';

export function DevelopmentPlanRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.plan.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('competency.plan.title')} description={t('competency.plan.description')} />
      <AgencyRequired>
        <DevelopmentPlanPage />
      </AgencyRequired>
    </>
  );
}

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1, THIS_YEAR + 2];

/** `?tahun=` picks the year, `?rencana=` the plan (a link from the heatmap opens the plan it filled). */
function DevelopmentPlanPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const planParam = params.get('rencana');
  const chosenPlan = usePlan(planParam);
  const year = Number(params.get('tahun')) || chosenPlan.data?.year || THIS_YEAR;
  const plans = usePlans(year);
  const create = useCreatePlan();
  const planId = planParam ?? plans.data?.items[0]?.id ?? null;
  const plan = usePlan(planId);

  return (
    <div className="stack">
      <div className="toolbar">
        <SelectField label={t('competency.plan.year')} name="year" value={String(year)} onChange={(event) => setParams({ tahun: event.target.value })}>
          {[...new Set([...YEARS, year])].sort().map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
        {plans.data && plans.data.items.length > 1 && (
          <SelectField
            label={t('competency.plan.choosePlan')}
            name="plan"
            value={planId ?? ''}
            onChange={(event) => setParams({ tahun: String(year), rencana: event.target.value })}
          >
            {plans.data.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {plans.isError && <ErrorBanner error={plans.error} onRetry={() => void plans.refetch()} />}
      {(plans.isPending || (planId && plan.isPending)) && <LoadingState />}
      {plans.data && plans.data.items.length === 0 && !planParam && (
        <EmptyState
          title={t('competency.plan.emptyTitle', { year })}
          description={<p>{t('competency.plan.emptyBody')}</p>}
          action={
            <>
              {create.isError && <ErrorBanner error={create.error} />}
              <button
                type="button"
                className="btn btn-primary"
                disabled={create.isPending}
                onClick={() =>
                  create.mutate(
                    { year, title: t('competency.plan.defaultTitle', { year }) },
                    { onSuccess: (created) => setParams({ tahun: String(year), rencana: created.id }) },
                  )
                }
              >
                {t('competency.plan.createYear', { year })}
              </button>
            </>
          }
        />
      )}
      {plan.isError && <ErrorBanner error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data && <PlanDetail plan={plan.data} />}
    </div>
  );
}
