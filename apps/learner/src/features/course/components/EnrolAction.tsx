import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCohortState } from '@asah/contracts/cohorts';
import type { TEnrolmentPolicy } from '@asah/contracts/enrolments';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { useEnrol } from '../hooks/use-enrolment-actions';
import { RequestEnrolmentDialog } from './EnrolDialog';

interface EnrolActionProps {
  courseId: string;
  cohortId?: string;
  policy: TEnrolmentPolicy;
  /** Of the cohort; a course without cohorts is always open. */
  state?: TCohortState;
  /** Read by screen readers after the button label, e.g. the cohort's name. */
  target: string;
}

/**
 * The enrolment button as the method says: "Daftar" enrols at once, "Ajukan pendaftaran" asks the
 * unit head (with a note), admin-only courses say who enrols people. A full cohort with a waitlist
 * offers the waitlist; outside the window there is nothing to press.
 */
export function EnrolAction({ courseId, cohortId, policy, state = 'open', target }: EnrolActionProps) {
  const { t } = useTranslation();
  const enrol = useEnrol();
  const [asking, setAsking] = useState(false);

  if (policy === 'admin_only') return <p className="muted">{t('course.adminOnly')}</p>;
  if (state === 'closed' || state === 'not_yet_open' || state === 'full') return null;

  const label =
    policy === 'approval'
      ? t('course.requestEnrolment')
      : state === 'waitlist'
        ? t('course.joinWaitlist')
        : t('course.enrol');
  return (
    <div className="stack-sm">
      {enrol.isError && <ErrorBanner error={enrol.error} />}
      <button
        type="button"
        className="btn btn-primary"
        aria-label={`${label}: ${target}`}
        disabled={enrol.isPending}
        onClick={() => (policy === 'approval' ? setAsking(true) : enrol.mutate({ courseId, cohortId }))}
      >
        {enrol.isPending ? t('course.sending') : label}
      </button>
      {policy === 'approval' && <p className="field-hint">{t('course.approvalHint')}</p>}
      <RequestEnrolmentDialog open={asking} onClose={() => setAsking(false)} courseId={courseId} cohortId={cohortId} target={target} />
    </div>
  );
}
