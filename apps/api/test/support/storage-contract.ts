import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ObjectStorage } from '../../src/modules/storage/object-storage';

const text = async (body: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * What every storage driver must do, run against each one (local in the unit tier, S3 against a
 * real S3-compatible server in the integration tier).
 */
export function storageContract(name: string, make: () => Promise<ObjectStorage> | ObjectStorage, extra?: { big?: number }) {
  describe(`${name}: storage contract`, () => {
    let storage: ObjectStorage;
    beforeAll(async () => {
      storage = await make();
    });

    it('stores a stream and reads it back whole, with size, etag and type', async () => {
      const put = await storage.put('packages/v1/index.html', Readable.from([Buffer.from('<html>'), Buffer.from('halo</html>')]), { contentType: 'text/html', size: 17 });
      expect(put).toEqual({ size: 17, etag: expect.stringMatching(/^".+"$/) });
      const got = await storage.get('packages/v1/index.html');
      expect(got).toMatchObject({ size: 17, length: 17, etag: put.etag, contentType: 'text/html' });
      expect((await text(got!.body)).toString()).toBe('<html>halo</html>');
      expect(await storage.head('packages/v1/index.html')).toEqual({ size: 17, etag: put.etag, contentType: 'text/html' });
    });

    it('reads a byte range', async () => {
      await storage.put('files/f1/angka.txt', Readable.from([Buffer.from('0123456789')]), { contentType: 'text/plain' });
      const got = await storage.get('files/f1/angka.txt', { start: 2, end: 5 });
      expect(got).toMatchObject({ size: 10, length: 4 });
      expect((await text(got!.body)).toString()).toBe('2345');
      const last = await storage.get('files/f1/angka.txt', { start: 9, end: 9 });
      expect((await text(last!.body)).toString()).toBe('9');
    });

    it('stores bytes given as a buffer, or as a range of a local file', async () => {
      await storage.put('files/b1/halo.txt', Buffer.from('halo dunia'), { contentType: 'text/plain', size: 10 });
      expect((await text((await storage.get('files/b1/halo.txt'))!.body)).toString()).toBe('halo dunia');
      const dir = mkdtempSync(join(tmpdir(), 'asah-range-'));
      const file = join(dir, 'paket.zip');
      writeFileSync(file, Buffer.concat([Buffer.from('HEADER'), Buffer.alloc(3 * 1024 * 1024, 5), Buffer.from('TRAILER')]));
      await storage.put('packages/r1/video.mp4', { path: file, start: 6, length: 3 * 1024 * 1024 }, { contentType: 'video/mp4', size: 3 * 1024 * 1024 });
      const head = await storage.head('packages/r1/video.mp4');
      expect(head?.size).toBe(3 * 1024 * 1024);
      const tail = await storage.get('packages/r1/video.mp4', { start: 3 * 1024 * 1024 - 2, end: 3 * 1024 * 1024 - 1 });
      expect([...(await text(tail!.body))]).toEqual([5, 5]);
      await storage.put('packages/r1/empty.txt', { path: file, start: 0, length: 0 }, { contentType: 'text/plain', size: 0 });
      expect((await storage.head('packages/r1/empty.txt'))?.size).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers null for an object that does not exist', async () => {
      expect(await storage.get('packages/none/x.html')).toBeNull();
      expect(await storage.head('packages/none/x.html')).toBeNull();
    });

    it('refuses a body whose length differs from the declared size, and stores nothing', async () => {
      await expect(storage.put('packages/v2/short.js', Readable.from([Buffer.from('abc')]), { contentType: 'text/javascript', size: 4 })).rejects.toThrow();
      expect(await storage.head('packages/v2/short.js')).toBeNull();
    });

    it('stores nothing when the source stream fails half-way', async () => {
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(1024, 1));
          this.destroy(new Error('zip entry damaged'));
        },
      });
      await expect(storage.put('packages/v3/rusak.bin', failing, { contentType: 'application/octet-stream' })).rejects.toThrow();
      expect(await storage.head('packages/v3/rusak.bin')).toBeNull();
    });

    it('deletes a prefix and only that prefix', async () => {
      for (const key of ['packages/a1/x.html', 'packages/a1/sub/y.js', 'packages/a10/z.html']) {
        await storage.put(key, Readable.from([Buffer.from(key)]), { contentType: 'text/plain' });
      }
      await storage.deletePrefix('packages/a1/');
      expect(await storage.head('packages/a1/x.html')).toBeNull();
      expect(await storage.head('packages/a1/sub/y.js')).toBeNull();
      expect(await storage.head('packages/a10/z.html')).not.toBeNull();
      await storage.deletePrefix('packages/does-not-exist/');
    });

    it.each(['../x', '/etc/passwd', 'packages/../../x', 'packages//x', 'packages/./x', '.tmp/x', 'a\\b', 'a/\u0000'])('refuses the unsafe key %p', async (key) => {
      await expect(storage.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' })).rejects.toThrow(/Unsafe/);
      await expect(storage.get(key)).rejects.toThrow(/Unsafe/);
    });

    it('refuses to delete a prefix that is not a folder', async () => {
      await expect(storage.deletePrefix('packages')).rejects.toThrow(/Unsafe/);
      await expect(storage.deletePrefix('../')).rejects.toThrow(/Unsafe/);
    });

    if (extra?.big) {
      it(`streams a ${extra.big} byte object through in parts`, async () => {
        const size = extra.big!;
        let sent = 0;
        const source = new Readable({
          read() {
            const n = Math.min(1024 * 1024, size - sent);
            if (n === 0) return void this.push(null);
            this.push(Buffer.alloc(n, sent % 251));
            sent += n;
          },
        });
        const put = await storage.put('files/big/video.mp4', source, { contentType: 'video/mp4', size });
        expect(put.size).toBe(size);
        const tail = await storage.get('files/big/video.mp4', { start: size - 3, end: size - 1 });
        expect(tail).toMatchObject({ size, length: 3, contentType: 'video/mp4' });
        expect((await text(tail!.body)).length).toBe(3);
      });
    }
  });
}
