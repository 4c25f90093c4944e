import { Outlet } from 'react-router';
import { AgencyScopeProvider } from '../features/agency-scope/components/AgencyScopeProvider';
import { AdminShell } from '../features/shell/components/AdminShell';

export function AdminLayout() {
  return (
    <AgencyScopeProvider>
      <AdminShell>
        <Outlet />
      </AdminShell>
    </AgencyScopeProvider>
  );
}
