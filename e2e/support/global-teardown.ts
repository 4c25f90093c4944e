import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__ASAH_E2E__ as { child: ChildProcess; dataDir: string } | undefined;
  if (!state) return;
  const exited = new Promise((r) => state.child.once('exit', r));
  // SIGTERM exercises the graceful shutdown, which also stops the embedded PostgreSQL.
  state.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (state.child.exitCode === null) state.child.kill('SIGKILL');
  rmSync(state.dataDir, { recursive: true, force: true });
}
