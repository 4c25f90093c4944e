#!/usr/bin/env node
/**
 * `npm test`: builds what the tests need, then runs the three tiers (unit, integration against
 * real PostgreSQL, end-to-end in real Chromium) and ends with one line `N passed, N failed`.
 * Each tier still runs when an earlier one fails, so one run shows everything that is broken.
 * Pass `--skip-e2e` to leave out the browser tier.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, '.data', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const skipE2e = process.argv.includes('--skip-e2e');

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
let passed = 0;
let failed = 0;

function tally(label, file) {
  if (!existsSync(file)) {
    console.log(`${label}: no results (the runner did not start)`);
    failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  // A test file that cannot even load counts as a failure, never as silence.
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
}

const built = run('build', process.execPath, [join(root, 'node_modules', 'turbo', 'bin', 'turbo'), 'run', 'build', 'typecheck', '--output-logs=errors-only']);
if (!built) {
  console.log('The build or type check failed; tests were not run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

run('unit and integration tests', process.execPath, [jestBin, '--selectProjects', 'unit', 'integration', '--json', `--outputFile=${join(resultsDir, 'api.json')}`]);
tally('unit/integration', join(resultsDir, 'api.json'));

if (!skipE2e) {
  run('end-to-end tests', process.execPath, [jestBin, '--config', join(root, 'e2e', 'jest.config.js'), '--json', `--outputFile=${join(resultsDir, 'e2e.json')}`]);
  tally('e2e', join(resultsDir, 'e2e.json'));
}

console.log('');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
