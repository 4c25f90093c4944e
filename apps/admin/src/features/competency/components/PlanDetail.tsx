import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDevelopmentProgram, TPlanDetail } from '@asah/contracts/competency';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { Modal } from '@asah/ui/components/Modal';
import { formatJp, formatRupiah } from '../format';
import { useDictionary } from '../hooks/use-dictionary';
import { planExportUrl, useDeleteProgram, useSaveProgram } from '../hooks/use-plans';
import { PlanActions } from './PlanActions';
import { ProgramCohortDialog } from './ProgramCohortDialog';
import { programDefaults, ProgramForm } from './ProgramForm';

export const PLAN_TONE: Record<string, BadgeTone> = { draft: 'neutral', submitted: 'info', approved: 'success', rejected: 'danger' };

/** One yearly plan: status and its actions, totals, and the programs with their cohorts. */
export function PlanDetail({ plan }: { plan: TPlanDetail }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ program?: TDevelopmentProgram } | null>(null);
  const [deleting, setDeleting] = useState<TDevelopmentProgram | null>(null);
  const [cohortFor, setCohortFor] = useState<TDevelopmentProgram | null>(null);
  const remove = useDeleteProgram(plan.id);
  const day = (value: string) => new Date(`${value}T00:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  const totals = [
    { key: 'programs', value: String(plan.totals.programs) },
    { key: 'people', value: String(plan.totals.people) },
    { key: 'personJp', value: formatJp(plan.totals.personJp) },
    { key: 'budget', value: formatRupiah(plan.totals.budget) },
  ];

  return (
    <section className="stack" aria-labelledby="kc-plan-title">
      <div className="kc-head">
        <div>
          <h2 id="kc-plan-title">
            {plan.title} <Badge tone={PLAN_TONE[plan.status]}>{t(`competency.plan.status.${plan.status}`)}</Badge>
          </h2>
          {plan.decidedBy && plan.decidedAt && (
            <p className="muted">
              {t(`competency.plan.decided.${plan.status}`, { name: plan.decidedBy.name, date: new Date(plan.decidedAt).toLocaleDateString(i18n.language) })}
              {plan.decisionNote && ` · ${plan.decisionNote}`}
            </p>
          )}
        </div>
        <div className="button-row">
          <PlanActions plan={plan} />
          <a className="btn btn-secondary" href={planExportUrl(plan.id)} download>
            {t('competency.plan.export')}
          </a>
        </div>
      </div>
      <dl className="report-facts">
        {totals.map((total) => (
          <div key={total.key}>
            <dt>{t(`competency.plan.totals.${total.key}`)}</dt>
            <dd data-testid={`plan-total-${total.key}`}>{total.value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {t('competency.plan.byRoute', {
          klasikal: plan.totals.byRoute.klasikal.programs,
          nonKlasikal: plan.totals.byRoute.non_klasikal.programs,
        })}
      </p>
      <div className="kc-head">
        <h3>{t('competency.plan.programs')}</h3>
        {plan.editable && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing({})}>
            {t('competency.plan.addProgram')}
          </button>
        )}
      </div>
      <DataTable
        caption={t('competency.plan.programsCaption', { title: plan.title })}
        rows={plan.programs}
        rowKey={(row) => row.id}
        empty={<p className="muted">{t('competency.plan.noPrograms')}</p>}
        columns={[
          {
            id: 'title',
            header: t('competency.plan.fields.title'),
            cell: (row) => (
              <>
                <span className="cell-strong">{row.title}</span>
                <span className="cell-sub">
                  {row.competency.code} {row.competency.name}
                </span>
              </>
            ),
          },
          {
            id: 'route',
            header: t('competency.plan.fields.route'),
            cell: (row) => (
              <>
                {t(`competency.routes.${row.route}`)}
                <span className="cell-sub">{t(`competency.forms.${row.form}`, { defaultValue: row.form })}</span>
              </>
            ),
          },
          { id: 'provider', header: t('competency.plan.fields.provider'), cell: (row) => row.provider },
          { id: 'dates', header: t('competency.plan.fields.schedule'), className: 'nowrap', cell: (row) => `${day(row.startsOn)} – ${day(row.endsOn)}` },
          { id: 'people', header: t('competency.plan.fields.people'), className: 'num', cell: (row) => row.targetEmployees.length },
          { id: 'jp', header: t('competency.plan.fields.jpPerPerson'), className: 'num', cell: (row) => formatJp(row.jpPerPerson) },
          { id: 'budget', header: t('competency.plan.fields.budget'), className: 'num nowrap', cell: (row) => formatRupiah(row.budget) },
          {
            id: 'actions',
            header: <span className="sr-only">{t('common.actions')}</span>,
            cell: (row) => (
              <div className="row-actions">
                {row.cohort ? (
                  <span className="cell-sub">{t('competency.plan.cohortOf', { name: row.cohort.name, course: row.cohort.courseTitle })}</span>
                ) : (
                  plan.status === 'approved' && (
                    <button
                      type="button"
                      className="btn btn-primary btn-sm"
                      aria-label={t('competency.plan.makeCohortFor', { title: row.title })}
                      onClick={() => setCohortFor(row)}
                    >
                      {t('competency.plan.makeCohort')}
                    </button>
                  )
                )}
                {plan.editable && (
                  <>
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing({ program: row })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="btn btn-link-danger btn-sm" onClick={() => setDeleting(row)}>
                      {t('common.delete')}
                    </button>
                  </>
                )}
              </div>
            ),
          },
        ]}
      />
      <ProgramDialog planId={plan.id} state={editing} onClose={() => setEditing(null)} />
      <ProgramCohortDialog planId={plan.id} program={cohortFor} onClose={() => setCohortFor(null)} />
      <DeleteDialog
        item={deleting}
        title={t('competency.plan.deleteProgram')}
        body={(program) => <p>{t('competency.plan.deleteProgramBody', { title: program.title })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}

function ProgramDialog({ planId, state, onClose }: { planId: string; state: { program?: TDevelopmentProgram } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProgram(planId);
  const dictionary = useDictionary();
  const program = state?.program;
  return (
    <Modal open={state !== null} size="lg" title={program ? t('competency.plan.editProgram') : t('competency.plan.addProgram')} onClose={onClose}>
      {state && (
        <ProgramForm
          defaults={program ? programDefaults(program) : {}}
          competencies={dictionary.data?.items ?? (program ? [program.competency] : [])}
          targets={program ? program.targetEmployees : []}
          pending={save.isPending}
          submitLabel={t('common.save')}
          onCancel={onClose}
          onSubmit={(values, targets, onError) =>
            save.mutate(
              { id: program?.id, body: { ...values, targetEmployeeIds: (targets ?? []).map((person) => person.id) } },
              { onSuccess: onClose, onError },
            )
          }
        />
      )}
    </Modal>
  );
}
