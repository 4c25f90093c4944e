import type TestAgent from 'supertest/lib/agent';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultTemplateContent } from '../../src/modules/certificates/default-template';

const run = promisify(execFile);

type Parser = Parameters<ReturnType<TestAgent['get']>['parse']>[0];
/** Collects a binary response body (PDF) as a Buffer: `.buffer(true).parse(binary)`. */
export const binary = ((res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}) as unknown as Parser;

/** Creates the default template through the API as `admin`; answers its id. */
export async function aTemplate(admin: TestAgent, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await admin.post('/api/certificate-templates').send({ ...defaultTemplateContent(), ...overrides });
  if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/**
 * The text of a PDF and the QR code found on its first page rendered by pdf.js (pdf-parse), read
 * in a child process because pdf.js needs real dynamic imports. With `screenshot`, the page is
 * also written there as a PNG (to look at).
 */
export async function readPdf(bytes: Buffer, screenshot?: string): Promise<{ text: string; qr: string | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'asah-pdf-'));
  const file = join(dir, 'c.pdf');
  writeFileSync(file, bytes);
  try {
    const { stdout } = await run(process.execPath, [join(__dirname, 'read-pdf.mjs'), file, ...(screenshot ? [screenshot] : [])], { maxBuffer: 10 * 1024 * 1024 });
    return JSON.parse(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
