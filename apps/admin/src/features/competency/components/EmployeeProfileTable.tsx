import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useEmployeeProfile } from '../hooks/use-employee-profile';

const TONE: Record<string, BadgeTone> = { major: 'danger', minor: 'warning', unassessed: 'neutral', none: 'success' };

/** Required vs current per competency of one employee's position, with the gap in words. */
export function EmployeeProfileTable({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const profile = useEmployeeProfile(userId);
  if (profile.isPending) return <LoadingState />;
  if (profile.isError) return <ErrorBanner error={profile.error} onRetry={() => void profile.refetch()} />;
  const rows = profile.data.items.filter((item) => item.current !== null);
  if (!profile.data.user.position) return <p className="muted">{t('competency.assessments.noPosition')}</p>;
  return (
    <DataTable
      caption={t('competency.assessments.profileCaption', { name })}
      className="table-compact"
      rows={rows}
      rowKey={(row) => row.competency.code}
      empty={<p className="muted">{t('competency.assessments.noStandard')}</p>}
      columns={[
        {
          id: 'competency',
          header: t('competency.assessments.fields.competencyCode'),
          cell: (row) => (
            <>
              <span className="cell-strong">{row.competency.code}</span> {row.competency.name}
            </>
          ),
        },
        { id: 'required', header: t('competency.assessments.required'), className: 'num', cell: (row) => row.current!.requiredLevel },
        { id: 'current', header: t('competency.assessments.current'), className: 'num', cell: (row) => row.currentLevel ?? '–' },
        {
          id: 'gap',
          header: t('competency.assessments.gap'),
          cell: (row) => <Badge tone={TONE[row.current!.severity]}>{t(`competency.severity.${row.current!.severity}`)}</Badge>,
        },
      ]}
    />
  );
}
