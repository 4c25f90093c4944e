import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderCertificatePdf, type RenderInput } from './render-certificate';

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Renders PDFs on worker threads (rendering is CPU-bound: font shaping, subsetting, compression),
 * one in flight per worker at a time plus a small queue. Without workers (size 0, or when running
 * from TypeScript sources as the tests do) it renders in this thread.
 */
export class PdfPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size: number) {
    const script = join(__dirname, 'render-worker.js');
    if (size <= 0 || !existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.unref();
      worker.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        const slot = this.workers.find((w) => w.worker === worker);
        if (slot) slot.busy -= 1;
        if (!p) return;
        if (m.error) p.reject(new Error(m.error));
        else p.resolve(m.bytes!);
      });
      this.workers.push({ worker, busy: 0 });
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  render(input: RenderInput): Promise<Uint8Array> {
    if (!this.workers.length) return renderCertificatePdf(input);
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy += 1;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers.length = 0;
  }
}
