import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TCohort } from '@asah/contracts/cohorts';
import type { TPage } from '@asah/contracts/common';
import type { TBulkEnrolRow } from '@asah/contracts/enrolments';
import type { TUser } from '@asah/contracts/users';
import { api } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { Nip } from '@asah/ui/components/Nip';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { useBulkEnrol } from '../hooks/use-enrolments';

const CANDIDATES = 8;

interface EnrolOneDialogProps {
  open: boolean;
  courseId: string;
  cohorts: readonly TCohort[];
  onClose: () => void;
  onDone: (row: TBulkEnrolRow) => void;
}

export function EnrolOneDialog({ open, onClose, ...rest }: EnrolOneDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('enrolments.enrolOneTitle')} onClose={onClose} size="lg">
      <EnrolOneForm onClose={onClose} {...rest} />
    </Modal>
  );
}

/** Finds one employee by name or NIP and enrols them (a bulk enrolment of one, so the same rules apply). */
function EnrolOneForm({ courseId, cohorts, onClose, onDone }: Omit<EnrolOneDialogProps, 'open'>) {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  const [q, setQ] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [cohortId, setCohortId] = useState(cohorts.length === 1 ? cohorts[0].id : '');
  const [deadline, setDeadline] = useState('');
  const [missing, setMissing] = useState<'user' | 'cohort' | null>(null);
  const enrol = useBulkEnrol(courseId);
  const candidates = useQuery({
    queryKey: ['users', 'enrol-candidates', scope.agencyId, q],
    queryFn: ({ signal }) =>
      api.get<TPage<TUser>>('/users', { q, agencyId: scope.agencyId, role: 'learner', status: 'active', pageSize: CANDIDATES, sort: 'name' }, signal),
    enabled: q.length >= 2,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!userId) return setMissing('user');
    if (cohorts.length > 0 && !cohortId) return setMissing('cohort');
    setMissing(null);
    enrol.mutate(
      { by: 'users', userIds: [userId], cohortId: cohortId || undefined, deadline: deadline || undefined },
      {
        onSuccess: (report) => {
          onClose();
          onDone(report.rows[0]);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      {enrol.error ? <ErrorBanner error={enrol.error} /> : null}
      <SearchField label={t('enrolments.findPerson')} placeholder={t('enrolments.findPersonPlaceholder')} value={q} onChange={setQ} />
      {q.length >= 2 && candidates.data && (
        <fieldset className="fieldset">
          <legend className="field-label">{t('enrolments.choosePerson')}</legend>
          {candidates.data.items.length === 0 && <p className="muted">{t('enrolments.noPerson')}</p>}
          <div className="radio-list">
            {candidates.data.items.map((user) => (
              <label key={user.id} className="radio">
                <input type="radio" name="userId" value={user.id} checked={userId === user.id} onChange={() => setUserId(user.id)} />
                <span>
                  <span className="cell-strong">{user.name}</span> <Nip value={user.nip} />
                  {user.unit && <span className="cell-sub">{user.unit.name}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {missing === 'user' && <p className="field-error">{t('enrolments.choosePersonFirst')}</p>}
      <div className="form-grid">
        {cohorts.length > 0 && (
          <SelectField
            label={t('enrolments.cohort')}
            name="cohortId"
            required
            value={cohortId}
            onChange={(e) => setCohortId(e.target.value)}
            error={missing === 'cohort' ? { type: 'server', message: t('validation.choose') } : undefined}
          >
            <option value="">{t('common.choose')}</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('enrolments.deadline')}
          name="deadline"
          type="date"
          optional
          hint={t('enrolments.deadlineHint')}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </div>
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={enrol.isPending}>
          {enrol.isPending ? t('common.saving') : t('enrolments.enrol')}
        </button>
      </div>
    </form>
  );
}
