import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDevelopmentLog, TDevelopmentLogStatus } from '@asah/contracts/development-logs';
import { buildUrl } from '@asah/ui/api-client';
import { Badge } from '@asah/ui/components/Badge';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { formatDateTime, formatDay, formatJp } from '../../learning/format';
import { useWithdrawDevelopmentLog } from '../hooks/use-development-logs';

const TONES: Record<TDevelopmentLogStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export function DevelopmentLogStatusBadge({ status }: { status: TDevelopmentLogStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`devLogs.status.${status}`)}</Badge>;
}

export function DevelopmentLogList({ logs }: { logs: readonly TDevelopmentLog[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const withdraw = useWithdrawDevelopmentLog();
  const [withdrawing, setWithdrawing] = useState<TDevelopmentLog | null>(null);
  return (
    <>
      <ul className="enrolment-list">
        {logs.map((log) => (
          <li key={log.id} id={`log-${log.id}`} className="enrolment-card">
            <div>
              <h3>{log.title}</h3>
              <ul className="fact-list">
                <li>
                  <DevelopmentLogStatusBadge status={log.status} />
                </li>
                <li>
                  <span className="jp-pill">{t('catalogue.jpValue', { jp: formatJp(log.jp, lang) })}</span>
                  {log.hours !== null && ` (${t('devLogs.hoursValue', { hours: formatJp(log.hours, lang) })})`}
                </li>
                <li>{t(`devLogs.forms.${log.form}`)}</li>
                <li>{t('course.cohortDates', { from: formatDay(log.startedOn, lang), to: formatDay(log.endedOn, lang) })}</li>
                {log.organiser && <li>{t('devLogs.organiserValue', { organiser: log.organiser })}</li>}
                <li>
                  <a href={buildUrl(`/development-logs/${log.id}/proof`)} download>
                    {t('devLogs.proofLink', { name: log.proof.fileName })}
                  </a>
                </li>
              </ul>
              {log.status === 'submitted' && <p className="muted">{t('devLogs.awaiting')}</p>}
              {log.decidedAt && (log.status === 'approved' || log.status === 'rejected') && (
                <p className={log.status === 'rejected' ? 'field-error' : 'muted'}>
                  {t(`devLogs.decided.${log.status}`, { date: formatDateTime(log.decidedAt, lang) })}
                  {log.decisionReason && ` ${t('approvals.reason', { reason: log.decisionReason })}`}
                </p>
              )}
            </div>
            {log.status === 'submitted' && (
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setWithdrawing(log)}>
                {t('devLogs.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={withdrawing !== null}
        title={t('devLogs.withdrawTitle')}
        confirmLabel={t('devLogs.withdraw')}
        danger
        pending={withdraw.isPending}
        error={withdraw.error}
        onClose={() => {
          setWithdrawing(null);
          withdraw.reset();
        }}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) })}
      >
        <p>{t('devLogs.withdrawBody', { title: withdrawing?.title ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
