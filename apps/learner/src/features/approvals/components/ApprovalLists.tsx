import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDevelopmentLogRow } from '@asah/contracts/development-logs';
import type { TEnrolmentRow } from '@asah/contracts/enrolments';
import { buildUrl } from '@asah/ui/api-client';
import { Badge } from '@asah/ui/components/Badge';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Nip } from '@asah/ui/components/Nip';
import { Pagination } from '@asah/ui/components/Pagination';
import { coursePath } from '../../course/course-paths';
import { EnrolmentStatusBadge } from '../../learning/components/EnrolmentStatusBadge';
import { formatDateTime, formatDay, formatJp } from '../../learning/format';
import { useEnrolmentQueue, useLogQueue, type ApprovalState } from '../hooks/use-approvals';
import { DecisionDialog, type PendingDecision } from './DecisionDialog';

const PAGE_SIZE = 20;

function Learner({ learner }: { learner: TEnrolmentRow['learner'] }) {
  return (
    <p>
      <strong>{learner.name}</strong>
      {learner.nip && (
        <>
          {' · '}
          <Nip value={learner.nip} />
        </>
      )}
      {(learner.position || learner.unit) && <span className="cell-sub">{[learner.position?.name, learner.unit?.name].filter(Boolean).join(' · ')}</span>}
    </p>
  );
}

function DecisionButtons({ onDecide, subject }: { onDecide: (decision: 'approve' | 'reject') => void; subject: string }) {
  const { t } = useTranslation();
  return (
    <div className="cohort-actions">
      <button type="button" className="btn btn-primary btn-sm" aria-label={`${t('approvals.approve')}: ${subject}`} onClick={() => onDecide('approve')}>
        {t('approvals.approve')}
      </button>
      <button type="button" className="btn btn-secondary btn-sm" aria-label={`${t('approvals.reject')}: ${subject}`} onClick={() => onDecide('reject')}>
        {t('approvals.reject')}
      </button>
    </div>
  );
}

export function EnrolmentRequests({ state }: { state: ApprovalState }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [page, setPage] = useState(1);
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const queue = useEnrolmentQueue(state, page, PAGE_SIZE);
  return (
    <section className="card" aria-labelledby="approvals-enrolments">
      <h2 id="approvals-enrolments" className="card-title">
        {t('approvals.enrolments')} {queue.data ? `(${queue.data.total})` : ''}
      </h2>
      {queue.isError && <ErrorBanner error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isPending && <LoadingState />}
      {queue.data?.total === 0 && <p className="muted">{state === 'pending' ? t('approvals.noPendingEnrolments') : t('approvals.noDecided')}</p>}
      <ul className="cohort-list">
        {queue.data?.items.map((row) => {
          const subject = `${row.learner.name} — ${row.course.title}`;
          return (
            <li key={row.id} className="cohort-item" aria-label={subject}>
              <Learner learner={row.learner} />
              <h3>
                <Link to={coursePath(row.course.id)}>{row.course.title}</Link>
              </h3>
              <ul className="fact-list">
                <li>{t('catalogue.jpValue', { jp: formatJp(row.course.jp, lang) })}</li>
                {row.cohort && <li>{t('course.inCohort', { name: row.cohort.name })}</li>}
                <li>{t('learning.requestedOn', { date: formatDateTime(row.requestedAt, lang) })}</li>
                {row.deadline && <li>{t('learning.deadline', { date: formatDay(row.deadline, lang) })}</li>}
                {state === 'decided' && (
                  <li>
                    <Badge tone={row.decision === 'approved' ? 'success' : 'danger'}>{t(`approvals.decision.${row.decision ?? 'approved'}`)}</Badge>
                  </li>
                )}
                {state === 'decided' && (
                  <li>
                    <EnrolmentStatusBadge status={row.status} />
                  </li>
                )}
              </ul>
              {row.requestReason && <p className="muted">{t('approvals.note', { note: row.requestReason })}</p>}
              {row.decisionReason && <p className="muted">{t('approvals.reason', { reason: row.decisionReason })}</p>}
              {state === 'pending' && <DecisionButtons subject={subject} onDecide={(decision) => setPending({ kind: 'enrolment', id: row.id, decision, subject })} />}
            </li>
          );
        })}
      </ul>
      {queue.data && queue.data.total > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={queue.data.total} onPageChange={setPage} />}
      <DecisionDialog pending={pending} onClose={() => setPending(null)} />
    </section>
  );
}

export function LogRequests({ state }: { state: ApprovalState }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [page, setPage] = useState(1);
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const queue = useLogQueue(state, page, PAGE_SIZE);
  return (
    <section className="card" aria-labelledby="approvals-logs">
      <h2 id="approvals-logs" className="card-title">
        {t('approvals.logs')} {queue.data ? `(${queue.data.total})` : ''}
      </h2>
      {queue.isError && <ErrorBanner error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isPending && <LoadingState />}
      {queue.data?.total === 0 && <p className="muted">{state === 'pending' ? t('approvals.noPendingLogs') : t('approvals.noDecided')}</p>}
      <ul className="cohort-list">
        {queue.data?.items.map((log: TDevelopmentLogRow) => {
          const subject = `${log.learner.name} — ${log.title}`;
          return (
            <li key={log.id} className="cohort-item" aria-label={subject}>
              <Learner learner={log.learner} />
              <h3>{log.title}</h3>
              <ul className="fact-list">
                <li>{t(`devLogs.forms.${log.form}`)}</li>
                <li>{t('course.cohortDates', { from: formatDay(log.startedOn, lang), to: formatDay(log.endedOn, lang) })}</li>
                <li>
                  <span className="jp-pill">{t('catalogue.jpValue', { jp: formatJp(log.jp, lang) })}</span>
                  {log.hours !== null && ` (${t('devLogs.hoursValue', { hours: formatJp(log.hours, lang) })})`}
                </li>
                {log.organiser && <li>{t('devLogs.organiserValue', { organiser: log.organiser })}</li>}
                <li>
                  <a href={buildUrl(`/development-logs/${log.id}/proof`)} download>
                    {t('devLogs.proofLink', { name: log.proof.fileName })}
                  </a>
                </li>
                {state === 'decided' && (
                  <li>
                    <Badge tone={log.status === 'approved' ? 'success' : 'danger'}>{t(`devLogs.status.${log.status}`)}</Badge>
                  </li>
                )}
              </ul>
              {log.description && <p className="muted">{log.description}</p>}
              {log.decisionReason && <p className="muted">{t('approvals.reason', { reason: log.decisionReason })}</p>}
              {state === 'pending' && <DecisionButtons subject={subject} onDecide={(decision) => setPending({ kind: 'log', id: log.id, decision, subject })} />}
            </li>
          );
        })}
      </ul>
      {queue.data && queue.data.total > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={queue.data.total} onPageChange={setPage} />}
      <DecisionDialog pending={pending} onClose={() => setPending(null)} />
    </section>
  );
}
