import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useAssessmentHistory } from '../hooks/use-assessments';

const STATUS_TONE: Record<string, BadgeTone> = {
  current: 'success',
  superseded: 'neutral',
  expired: 'warning',
  future: 'info',
  not_counted: 'neutral',
};

/** Every result of one employee, with why each one does or does not set today's level. */
export function AssessmentHistory({ userId, name }: { userId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const history = useAssessmentHistory(userId);
  const day = (value: string) => new Date(`${value}T00:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorBanner error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <DataTable
      caption={t('competency.assessments.historyCaption', { name })}
      rows={history.data.items}
      rowKey={(row) => row.id}
      empty={<p className="muted">{t('competency.assessments.historyEmpty')}</p>}
      columns={[
        {
          id: 'competency',
          header: t('competency.assessments.fields.competencyCode'),
          cell: (row) => (
            <>
              <span className="cell-strong">{row.competencyCode}</span>
              {row.competencyName && <span className="cell-sub">{row.competencyName}</span>}
            </>
          ),
        },
        { id: 'level', header: t('competency.assessments.fields.level'), className: 'num', cell: (row) => `${row.level} ${t(`competency.levels.${row.level}`)}` },
        {
          id: 'source',
          header: t('competency.assessments.fields.source'),
          cell: (row) => (
            <>
              {t(`competency.sources.${row.source}`)}
              {row.course && <span className="cell-sub">{row.course.title}</span>}
            </>
          ),
        },
        { id: 'assessedOn', header: t('competency.assessments.fields.assessedOn'), className: 'nowrap', cell: (row) => day(row.assessedOn) },
        {
          id: 'validUntil',
          header: t('competency.assessments.fields.validUntil'),
          className: 'nowrap',
          cell: (row) => (row.validUntil ? day(row.validUntil) : <span className="muted">{t('common.none')}</span>),
        },
        {
          id: 'status',
          header: t('common.status'),
          cell: (row) => <Badge tone={STATUS_TONE[row.status] ?? 'neutral'}>{t(`competency.historyStatus.${row.status}`)}</Badge>,
        },
      ]}
    />
  );
}
