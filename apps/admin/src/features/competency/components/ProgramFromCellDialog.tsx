import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { useCreatePlan, useCreateProgramIn, usePlans } from '../hooks/use-plans';
import { ProgramForm } from './ProgramForm';

export interface CellContext {
  unit: { id: string; name: string };
  competency: { code: string; name: string };
  people: number;
  jpSuggestion: number;
  year: number;
}

/**
 * "Create a plan program from this cell": the program targets everyone of the unit (and below) who
 * needs development in the competency; the API resolves them from the cell, so the list is exact.
 */
export function ProgramFromCellDialog({ cell, onClose }: { cell: CellContext | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={cell !== null} size="lg" title={t('competency.needs.createProgram')} onClose={onClose}>
      {cell && <ProgramFromCell cell={cell} onClose={onClose} />}
    </Modal>
  );
}

function ProgramFromCell({ cell, onClose }: { cell: CellContext; onClose: () => void }) {
  const { t } = useTranslation();
  const plans = usePlans(cell.year);
  const createPlan = useCreatePlan();
  const createProgram = useCreateProgramIn();
  const [planId, setPlanId] = useState<string>('');
  const [created, setCreated] = useState<{ planId: string; title: string; people: number } | null>(null);
  const drafts = plans.data?.items.filter((plan) => plan.status === 'draft') ?? [];
  const chosen = planId || drafts[0]?.id || '';

  if (created) {
    return (
      <div className="stack">
        <SuccessBanner>
          {t('competency.needs.programCreated', { title: created.title, count: created.people })}
        </SuccessBanner>
        <div className="form-footer">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.close')}
          </button>
          <Link className="btn btn-primary" to={`/rencana-pengembangan?rencana=${created.planId}`}>
            {t('competency.needs.openPlan')}
          </Link>
        </div>
      </div>
    );
  }
  if (plans.isPending) return <LoadingState />;
  if (plans.isError) return <ErrorBanner error={plans.error} onRetry={() => void plans.refetch()} />;

  if (drafts.length === 0) {
    return (
      <div className="stack">
        <p>{t('competency.needs.noDraftPlan', { year: cell.year })}</p>
        {createPlan.isError && <ErrorBanner error={createPlan.error} />}
        <div className="form-footer">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={createPlan.isPending}
            onClick={() =>
              createPlan.mutate(
                { year: cell.year, title: t('competency.plan.defaultTitle', { year: cell.year }) },
                { onSuccess: (plan) => setPlanId(plan.id) },
              )
            }
          >
            {t('competency.plan.createYear', { year: cell.year })}
          </button>
        </div>
      </div>
    );
  }

  return (
    <ProgramForm
      defaults={{
        title: t('competency.needs.programTitle', { competency: cell.competency.name, unit: cell.unit.name }),
        competencyCode: cell.competency.code,
        jpPerPerson: cell.jpSuggestion,
        startsOn: `${cell.year}-07-01`,
        endsOn: `${cell.year}-07-05`,
      }}
      competencies={[cell.competency]}
      intro={
        <>
          <SelectField label={t('competency.needs.intoPlan')} name="planId" value={chosen} onChange={(event) => setPlanId(event.target.value)}>
            {drafts.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title} ({plan.year})
              </option>
            ))}
          </SelectField>
          <p className="callout">
            {t('competency.needs.targetsFromCell', { count: cell.people, unit: cell.unit.name, competency: cell.competency.name })}
          </p>
        </>
      }
      pending={createProgram.isPending}
      submitLabel={t('competency.needs.createProgramSubmit')}
      onCancel={onClose}
      onSubmit={(values, _targets, onError) =>
        createProgram.mutate(
          { planId: chosen, body: { ...values, targetEmployeeIds: [], fromCell: { unitId: cell.unit.id, includeSubunits: true } } },
          {
            onSuccess: (program) => setCreated({ planId: chosen, title: program?.title ?? values.title, people: program?.targetEmployees.length ?? cell.people }),
            onError,
          },
        )
      }
    />
  );
}
