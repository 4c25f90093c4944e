import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAttemptDetail, TInteraction, TObjective } from '@asah/contracts/tracking';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { formatDateTime } from '../../courses/format';
import { ACTIVITY_STATUS_TONES, formatDuration, formatScore } from '../format';

const text = (value: string | number | null | undefined, none: string) => (value === null || value === undefined || value === '' ? none : String(value));

/** One attempt as the content reported it: per SCO the status, score and time, its interactions and objectives. */
export function AttemptDetail({ attempt }: { attempt: TAttemptDetail }) {
  const { t, i18n } = useTranslation();
  const none = t('common.none');
  const units = { h: t('progress.hours'), m: t('progress.minutes'), s: t('progress.seconds') };
  const interactionColumns: Column<TInteraction>[] = [
    { id: 'id', header: t('progress.interactionId'), cell: (i) => <code className="code-cell">{i.id}</code> },
    { id: 'type', header: t('progress.interactionType'), cell: (i) => text(i.type, none) },
    { id: 'description', header: t('progress.description'), cell: (i) => text(i.description, none) },
    { id: 'response', header: t('progress.learnerResponse'), cell: (i) => text(i.learnerResponse, none) },
    { id: 'correct', header: t('progress.correctResponses'), cell: (i) => (i.correctResponses.length ? i.correctResponses.join(' | ') : none) },
    {
      id: 'result',
      header: t('progress.result'),
      cell: (i) => (i.result ? <Badge tone={i.result === 'correct' ? 'success' : i.result === 'incorrect' || i.result === 'wrong' ? 'danger' : 'neutral'}>{i.result}</Badge> : none),
    },
    { id: 'latency', header: t('progress.latency'), className: 'nowrap', cell: (i) => text(i.latency, none) },
  ];
  const objectiveColumns: Column<TObjective>[] = [
    { id: 'id', header: t('progress.objectiveId'), cell: (o) => <code className="code-cell">{o.id}</code> },
    { id: 'completion', header: t('progress.completionStatus'), cell: (o) => text(o.completionStatus, none) },
    { id: 'success', header: t('progress.successStatus'), cell: (o) => text(o.successStatus, none) },
    { id: 'score', header: t('progress.score'), className: 'num', cell: (o) => formatScore(o.scoreScaled, i18n.language) ?? text(o.scoreRaw, none) },
  ];

  return (
    <>
      <div className="page-header">
        <div>
          <Link to={`/kursus/${attempt.courseId}/progres/${attempt.user.id}`} className="back-link">
            <span aria-hidden="true">←</span> {attempt.user.name}
          </Link>
          <p className="page-kicker">{t('progress.attemptOf', { name: attempt.user.name })}</p>
          <h1>
            {attempt.activityTitle} · {t('progress.attemptNumber', { number: attempt.attemptNumber })}
          </h1>
          <p className="course-meta">
            <Badge tone={ACTIVITY_STATUS_TONES[attempt.status]}>{t(`progress.statuses.${attempt.status}`)}</Badge>
            <span>{t(`progress.standards.${attempt.standard}`)}</span>
            <span>{formatDuration(attempt.totalTimeSeconds, units)}</span>
            <span>{t('progress.startedValue', { at: formatDateTime(attempt.startedAt, i18n.language) })}</span>
          </p>
        </div>
      </div>
      <div className="editor-stack">
        {attempt.scos.map((sco) => (
          <section key={sco.identifier} className="card" aria-labelledby={`sco-${sco.identifier}`}>
            <h2 id={`sco-${sco.identifier}`} className="card-title">
              {sco.title}
            </h2>
            <dl className="dl">
              <dt>{t('progress.completionStatus')}</dt>
              <dd>{text(sco.completionStatus, none)}</dd>
              <dt>{t('progress.successStatus')}</dt>
              <dd>{text(sco.successStatus, none)}</dd>
              <dt>{t('progress.score')}</dt>
              <dd>
                {formatScore(sco.scoreScaled, i18n.language) ?? text(sco.scoreRaw, none)}
                {sco.scoreRaw !== null && sco.scoreMax !== null ? ` (${sco.scoreRaw} / ${sco.scoreMax})` : ''}
              </dd>
              <dt>{t('progress.time')}</dt>
              <dd>{formatDuration(sco.totalTimeSeconds, units)}</dd>
              <dt>{t('progress.location')}</dt>
              <dd>{text(sco.location, none)}</dd>
              <dt>{t('progress.lastCommit')}</dt>
              <dd>{sco.lastCommitAt ? formatDateTime(sco.lastCommitAt, i18n.language) : none}</dd>
            </dl>
            <h3 className="section">{t('progress.interactions')}</h3>
            <DataTable
              caption={t('progress.interactionsCaption', { title: sco.title })}
              columns={interactionColumns}
              rows={sco.interactions}
              rowKey={(i) => String(i.index)}
              empty={<p className="table-empty">{t('progress.noInteractions')}</p>}
            />
            {sco.objectives.length > 0 && (
              <>
                <h3 className="section">{t('progress.objectives')}</h3>
                <DataTable caption={t('progress.objectivesCaption', { title: sco.title })} columns={objectiveColumns} rows={sco.objectives} rowKey={(o) => String(o.index)} />
              </>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
