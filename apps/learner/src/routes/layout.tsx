import { Outlet } from 'react-router';
import { LearnerShell } from '../features/shell/components/LearnerShell';

export function LearnerLayout() {
  return (
    <LearnerShell>
      <Outlet />
    </LearnerShell>
  );
}
