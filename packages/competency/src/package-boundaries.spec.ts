import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The package is pure TypeScript with no runtime dependencies: it may only `import type` from
 * @asah/contracts (so neither contracts nor zod load at run time) and uses no Node APIs.
 */
const root = join(__dirname, '..');
const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
  .map((file) => ({ file, text: readFileSync(join(root, 'src', file), 'utf8') }));

describe('package boundaries', () => {
  it('imports only its own modules at run time', () => {
    const offenders = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)]
        .filter(([, typeOnly, from]) => !from.startsWith('.') && !typeOnly)
        .map(([, , from]) => `${file}: ${from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('takes types only from @asah/contracts and declares no other dependency', () => {
    const external = new Set(
      sources.flatMap(({ text }) => [...text.matchAll(/from\s+'([^.'][^']*)'/g)].map(([, from]) => from.split('/').slice(0, 2).join('/'))),
    );
    expect([...external].every((name) => name === '@asah/contracts')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ '@asah/contracts': '*' });
  });

  it('has no barrel file', () => {
    expect(sources.map(({ file }) => file)).not.toContain('index.ts');
  });
});
