import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDevelopmentGoal } from '@asah/contracts/competency';
import { Badge } from '@asah/ui/components/Badge';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { useMyCompetencyProfile } from '../hooks/use-competency-profile';
import { useDeleteGoal, useDevelopmentGoals } from '../hooks/use-development-goals';
import { GoalFormDialog, type GoalDialogState } from './GoalFormDialog';

/** The individual development plan: goals with target dates and progress, kept by the learner. */
export function DevelopmentGoals() {
  const { t, i18n } = useTranslation();
  const goals = useDevelopmentGoals();
  // Goals usually name a competency of the profile; the same cached query feeds the picker.
  const profile = useMyCompetencyProfile();
  const competencies = profile.data?.raw.items.map((item) => item.competency) ?? [];
  const remove = useDeleteGoal();
  const [dialog, setDialog] = useState<GoalDialogState>(null);
  const [deleting, setDeleting] = useState<TDevelopmentGoal | null>(null);
  const date = (day: string) => new Date(`${day}T00:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' });

  return (
    <section className="card" aria-labelledby="kc-idp-title">
      <div className="kc-gap-head">
        <div>
          <h2 id="kc-idp-title" className="card-title">
            {t('competency.idp.title')}
          </h2>
          <p className="muted">{t('competency.idp.description')}</p>
        </div>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => setDialog({})}>
          {t('competency.idp.add')}
        </button>
      </div>
      {goals.isPending && <LoadingState />}
      {goals.isError && <ErrorBanner error={goals.error} onRetry={() => void goals.refetch()} />}
      {goals.data && goals.data.items.length === 0 && <p className="muted">{t('competency.idp.empty')}</p>}
      {goals.data && goals.data.items.length > 0 && (
        <ul className="kc-goals">
          {goals.data.items.map((goal) => (
            <li key={goal.id} className="kc-goal">
              <div className="kc-gap-head">
                <h3 className="kc-gap-title">{goal.title}</h3>
                <span>
                  {goal.status === 'done' && <Badge tone="success">{t('competency.idp.done')}</Badge>}
                  {goal.overdue && <Badge tone="danger">{t('competency.idp.overdue')}</Badge>}
                </span>
              </div>
              <p className="muted">
                {goal.competency && (
                  <>
                    <span className="kc-code">{goal.competency.code}</span> {goal.competency.name}
                    {goal.targetLevel !== null && ` → ${goal.targetLevel} ${t(`competency.levels.${goal.targetLevel}`)}`} ·{' '}
                  </>
                )}
                {t('competency.idp.due', { date: date(goal.targetDate) })}
              </p>
              <ProgressBar label={t('competency.idp.progressLabel', { title: goal.title })} percent={goal.progress} />
              {goal.note && <p>{goal.note}</p>}
              <div className="button-row">
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDialog({ goal })}>
                  {t('competency.idp.edit')}
                </button>
                <button type="button" className="btn btn-link-danger btn-sm" onClick={() => setDeleting(goal)}>
                  {t('competency.idp.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <GoalFormDialog state={dialog} competencies={competencies} onClose={() => setDialog(null)} />
      <DeleteDialog
        item={deleting}
        title={t('competency.idp.deleteTitle')}
        body={(goal) => <p>{t('competency.idp.deleteBody', { title: goal.title })}</p>}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
