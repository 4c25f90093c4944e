import { LAUNCHER_SOURCE } from './bridge';
import { Launcher } from './launcher';
import { defaultCommitUrl, replayOfflineCommits } from './offline-replay';
import { parseLaunchAddress, runtimeUrl, type RuntimeState } from './wire';

const message = document.getElementById('message') as HTMLParagraphElement;
const frame = document.getElementById('sco') as HTMLIFrameElement;

function showMessage(text: string): void {
  message.textContent = text;
  document.body.classList.add('has-message');
}

async function main(): Promise<void> {
  const address = parseLaunchAddress(window.location);
  if (!address) return showMessage('Tautan materi tidak lengkap. / The content link is incomplete.');
  let state: RuntimeState;
  await replayOfflineCommits(address.attemptId, defaultCommitUrl(address)).catch(() => 0);
  try {
    const response = await fetch(runtimeUrl(address, 'state'), { cache: 'no-store' });
    if (!response.ok) throw new Error(`state ${response.status}`);
    state = (await response.json()) as RuntimeState;
  } catch {
    // No state = no portal origins known yet: tell any parent, it checks the origin itself.
    if (window.parent !== window) window.parent.postMessage({ source: LAUNCHER_SOURCE, type: 'error', attemptId: address.attemptId, code: 'state_unavailable' }, '*');
    return showMessage('Materi tidak dapat dimuat. Muat ulang halaman. / The content could not be loaded. Reload the page.');
  }
  document.title = state.title;
  const launcher = new Launcher(address, state, frame);
  (window as unknown as { asahLauncher: Launcher }).asahLauncher = launcher;
  await launcher.start();
}

void main();
