import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { storageContract } from '../../../test/support/storage-contract';
import { LocalStorage } from './local-storage';

const root = mkdtempSync(join(tmpdir(), 'asah-local-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

storageContract('local', () => new LocalStorage(root), { big: 20 * 1024 * 1024 });

describe('local storage on disk', () => {
  it('leaves no temporary file behind, whether a put succeeds or fails', async () => {
    const storage = new LocalStorage(root);
    await storage.put('covers/c1.png', Readable.from([Buffer.from('png')]), { contentType: 'image/png' });
    await expect(storage.put('covers/c2.png', Readable.from([Buffer.from('png')]), { contentType: 'image/png', size: 9 })).rejects.toThrow();
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    expect(readdirSync(join(root, 'covers'))).toEqual(['c1.png']);
  });

  it('takes the content type from the key', async () => {
    const storage = new LocalStorage(root);
    await storage.put('packages/t/scripts/app.js', Readable.from([Buffer.from('1')]), { contentType: 'text/javascript' });
    await storage.put('packages/t/data', Readable.from([Buffer.from('1')]), { contentType: 'text/plain' });
    expect((await storage.head('packages/t/scripts/app.js'))?.contentType).toBe('text/javascript');
    expect((await storage.head('packages/t/data'))?.contentType).toBe('application/octet-stream');
  });

  it('answers null for a folder', async () => {
    const storage = new LocalStorage(root);
    await storage.put('packages/d/sub/x.txt', Readable.from([Buffer.from('1')]), { contentType: 'text/plain' });
    expect(await storage.head('packages/d/sub')).toBeNull();
    expect(await storage.get('packages/d/sub')).toBeNull();
  });
});
