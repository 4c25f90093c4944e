import { useTranslation } from 'react-i18next';
import type { TUser } from '@asah/contracts/users';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { Nip } from '@asah/ui/components/Nip';
import { BreakableEmail } from './BreakableEmail';

interface UsersTableProps {
  rows: readonly TUser[];
  busy: boolean;
  onEdit: (user: TUser) => void;
  onResetPassword: (user: TUser) => void;
  onToggleActive: (user: TUser) => void;
}

export function UsersTable({ rows, busy, onEdit, onResetPassword, onToggleActive }: UsersTableProps) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <DataTable
      caption={t('users.tableCaption')}
      className="table-compact"
      rows={rows}
      rowKey={(u) => u.id}
      busy={busy}
      rowClassName={(u) => (u.active ? undefined : 'row-inactive')}
      columns={[
        { id: 'nip', header: t('users.nip'), cell: (u) => <Nip value={u.nip} />, className: 'nowrap' },
        { id: 'name', header: t('users.name'), cell: (u) => <strong className="cell-strong">{u.name}</strong> },
        { id: 'email', header: t('users.email'), cell: (u) => <BreakableEmail email={u.email} /> },
        { id: 'unit', header: t('users.unit'), cell: (u) => u.unit?.name ?? none },
        {
          id: 'position',
          header: t('users.position'),
          cell: (u) =>
            u.position ? (
              <>
                {u.position.name}
                <span className="cell-sub">{t(`positionTypes.${u.position.type}`)}</span>
              </>
            ) : (
              none
            ),
        },
        {
          id: 'type',
          header: t('users.employmentTypeShort'),
          cell: (u) => (u.employmentType ? <Badge tone="neutral">{u.employmentType}</Badge> : none),
        },
        {
          id: 'roles',
          header: t('users.roles'),
          cell: (u) => (
            <span className="badge-list">
              {u.roles.map((role) => (
                <Badge key={role} tone={role === 'learner' ? 'neutral' : 'info'}>
                  {t(`roles.${role}`)}
                </Badge>
              ))}
            </span>
          ),
        },
        {
          id: 'status',
          header: t('common.status'),
          cell: (u) => (
            <span className="badge-list badge-list-stacked">
              {u.active ? <Badge tone="success">{t('status.active')}</Badge> : <Badge tone="danger">{t('status.inactive')}</Badge>}
              {u.active && u.mustChangePassword && <Badge tone="warning">{t('users.temporaryPasswordBadge')}</Badge>}
            </span>
          ),
        },
        {
          id: 'actions',
          header: t('common.actions'),
          className: 'actions',
          cell: (u) => (
            <span className="button-row row-actions row-actions-stacked">
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onEdit(u)} aria-label={t('common.editNamed', { name: u.name })}>
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                onClick={() => onResetPassword(u)}
                aria-label={t('users.resetPasswordNamed', { name: u.name })}
                disabled={!u.active}
              >
                {t('users.resetPassword')}
              </button>
              <button
                type="button"
                className={u.active ? 'btn btn-link-danger btn-sm' : 'btn btn-ghost btn-sm'}
                onClick={() => onToggleActive(u)}
                aria-label={t(u.active ? 'users.deactivateNamed' : 'users.activateNamed', { name: u.name })}
              >
                {u.active ? t('users.deactivate') : t('users.activate')}
              </button>
            </span>
          ),
        },
      ]}
    />
  );
}
