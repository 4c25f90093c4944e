import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TProfileItem } from '@asah/contracts/competency';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { SelectField } from '@asah/ui/components/SelectField';
import { usePositionOptions } from '../../positions/hooks/use-position-options';
import { useEmployeeProfile } from '../hooks/use-employee-profile';

const TONE: Record<string, BadgeTone> = { major: 'danger', minor: 'warning', unassessed: 'neutral', none: 'success' };

function GapBadge({ gap }: { gap: TProfileItem['current'] }) {
  const { t } = useTranslation();
  if (!gap) return <span className="muted">{t('competency.assessments.notRequired')}</span>;
  return (
    <>
      {gap.requiredLevel} <Badge tone={TONE[gap.severity]}>{t(`competency.severity.${gap.severity}`)}</Badge>
    </>
  );
}

/**
 * Required vs current per competency of one employee, for the current position and, for career
 * planning, a target position chosen here.
 */
export function EmployeeProfileTable({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const positions = usePositionOptions();
  const profile = useEmployeeProfile(userId, target || undefined);
  if (profile.isPending) return <LoadingState />;
  if (profile.isError) return <ErrorBanner error={profile.error} onRetry={() => void profile.refetch()} />;
  const data = profile.data;
  const rows = data.items.filter((item) => item.current !== null || item.target !== null);
  const columns: Column<TProfileItem>[] = [
    {
      id: 'competency',
      header: t('competency.assessments.fields.competencyCode'),
      cell: (row) => (
        <>
          <span className="cell-strong">{row.competency.code}</span> {row.competency.name}
        </>
      ),
    },
    { id: 'current', header: t('competency.assessments.current'), className: 'num', cell: (row) => row.currentLevel ?? '–' },
    {
      id: 'required',
      header: t('competency.assessments.requiredFor', { position: data.user.position?.name ?? '–' }),
      cell: (row) => <GapBadge gap={row.current} />,
    },
  ];
  if (data.targetPosition) {
    columns.push({
      id: 'target',
      header: t('competency.assessments.requiredFor', { position: data.targetPosition.name }),
      cell: (row) => <GapBadge gap={row.target} />,
    });
  }
  return (
    <div className="stack">
      {!data.user.position && <p className="muted">{t('competency.assessments.noPosition')}</p>}
      <SelectField label={t('competency.assessments.targetPosition')} name="targetPosition" value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">{t('competency.assessments.targetNone')}</option>
        {positions.options
          .filter((position) => position.id !== data.user.position?.id)
          .map((position) => (
            <option key={position.id} value={position.id}>
              {position.name}
            </option>
          ))}
      </SelectField>
      <DataTable
        caption={t('competency.assessments.profileCaption', { name })}
        className="table-compact"
        rows={rows}
        busy={profile.isPlaceholderData}
        rowKey={(row) => row.competency.code}
        empty={<p className="muted">{t('competency.assessments.noStandard')}</p>}
        columns={columns}
      />
    </div>
  );
}
