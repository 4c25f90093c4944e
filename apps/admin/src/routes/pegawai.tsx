import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TUser } from '@asah/contracts/users';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { usePositionOptions } from '../features/positions/hooks/use-position-options';
import { useUnits } from '../features/units/hooks/use-units';
import { buildUnitTree } from '../features/units/unit-tree';
import { ResetPasswordDialog } from '../features/users/components/ResetPasswordDialog';
import { TemporaryPasswordDialog, type TemporaryPassword } from '../features/users/components/TemporaryPasswordDialog';
import { USER_FILTER_KEYS, UserFilters } from '../features/users/components/UserFilters';
import { UserFormDialog, type UserDialogState } from '../features/users/components/UserFormDialog';
import { UsersTable } from '../features/users/components/UsersTable';
import { UserStatusDialog } from '../features/users/components/UserStatusDialog';
import { useUsers } from '../features/users/hooks/use-users';
import { toUserQuery } from '../features/users/user-query';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

export function UsersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'), t('portal.name'));
  return (
    <AgencyRequired>
      <UsersPage />
    </AgencyRequired>
  );
}

function UsersPage() {
  const { t } = useTranslation();
  const { values, page, update, params } = useListParams([...USER_FILTER_KEYS, 'baru'] as const);
  const users = useUsers(toUserQuery(values, page, PAGE_SIZE));
  const units = useUnits();
  const positions = usePositionOptions();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);

  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(users.data?.total, PAGE_SIZE, page, goToPage);

  const [dialog, setDialog] = useState<UserDialogState>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [toggling, setToggling] = useState<TUser | null>(null);
  const [password, setPassword] = useState<TemporaryPassword | null>(null);

  // The dashboard's "add employee" shortcut links here with ?baru=1.
  useEffect(() => {
    if (params.get('baru') === null) return;
    setDialog({});
    update({ baru: null, page });
  }, [params, update, page]);

  const filtered = USER_FILTER_KEYS.some((key) => values[key] !== '');

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <>
            <Link to="/pegawai/impor" className="btn btn-secondary">
              {t('nav.userImport')}
            </Link>
            <button type="button" className="btn btn-primary" onClick={() => setDialog({})}>
              {t('users.create')}
            </button>
          </>
        }
      />
      <UserFilters values={values} onChange={update} units={tree} positions={positions.options} />
      {users.isError && <ErrorBanner error={users.error} onRetry={() => void users.refetch()} />}
      {users.isPending && <LoadingState />}
      {users.data && users.data.total === 0 && (
        <EmptyState
          title={filtered ? t('users.noMatch') : t('users.emptyTitle')}
          description={<p>{filtered ? t('common.tryOtherFilters') : t('users.emptyBody')}</p>}
        />
      )}
      {users.data && users.data.total > 0 && (
        <>
          <UsersTable
            rows={users.data.items}
            busy={users.isPlaceholderData}
            onEdit={(user) => setDialog({ user })}
            onResetPassword={setResetting}
            onToggleActive={setToggling}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={users.data.total} onPageChange={goToPage} />
        </>
      )}
      <UserFormDialog
        state={dialog}
        units={tree}
        positions={positions.options}
        onClose={() => setDialog(null)}
        onCreated={({ user, temporaryPassword }) =>
          temporaryPassword && setPassword({ name: user.name, password: temporaryPassword, reason: 'created' })
        }
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onReset={(user, temporaryPassword) => setPassword({ name: user.name, password: temporaryPassword, reason: 'reset' })}
      />
      <UserStatusDialog user={toggling} onClose={() => setToggling(null)} />
      <TemporaryPasswordDialog value={password} onClose={() => setPassword(null)} />
    </>
  );
}
