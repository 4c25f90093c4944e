import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderCertificatePdf, type RenderInput } from './render-certificate';

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
  slot: Slot;
}

interface Slot {
  worker: Worker;
  busy: number;
  /** Template keys whose content and assets this worker holds already. */
  templates: Set<string>;
}

/** What a worker is sent: the template part is left out once the worker holds it (`templateKey`). */
export type RenderMessage = { id: number; input: Omit<RenderInput, 'content' | 'assets'> & Partial<Pick<RenderInput, 'content' | 'assets'>> };

/** Templates a worker keeps (content and asset bytes), like the renderer's prepared templates. */
export const WORKER_TEMPLATES = 20;

/**
 * Renders PDFs on worker threads (rendering is CPU-bound: shaping, subsetting, compression, QR),
 * spread by the number in flight per worker. A template's content and asset bytes (a background
 * can be a large PDF) are sent to a worker once per template version, not with every certificate.
 * Without workers (size 0, or when running from TypeScript sources as the tests do) it renders in
 * this thread.
 */
export class PdfPool {
  private readonly workers: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size: number) {
    const script = join(__dirname, 'render-worker.js');
    if (size <= 0 || !existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.unref();
      const slot: Slot = { worker, busy: 0, templates: new Set() };
      worker.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        slot.busy -= 1;
        if (!p) return;
        if (m.error) p.reject(new Error(m.error));
        else p.resolve(m.bytes!);
      });
      // A worker that dies (out of memory, a crash) fails what it had in flight instead of leaving it
      // pending forever (a bulk job would hang; now it ends as failed, its certificates issued and the
      // missing PDFs rendered on first download), and gets no more work: the others, or this thread
      // when none is left, render the rest.
      const dead = (error: Error) => {
        const index = this.workers.indexOf(slot);
        if (index >= 0) this.workers.splice(index, 1);
        for (const [id, p] of this.pending) {
          if (p.slot !== slot) continue;
          this.pending.delete(id);
          p.reject(error);
        }
      };
      worker.on('error', dead);
      worker.on('exit', (code) => dead(new Error(`PDF worker stopped (exit code ${code})`)));
      this.workers.push(slot);
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
    let message: RenderMessage = { id, input };
    const key = input.templateKey;
    if (key) {
      if (slot.templates.has(key)) {
        const { content: _content, assets: _assets, ...rest } = input;
        message = { id, input: rest };
      } else {
        // The worker forgets all its templates past WORKER_TEMPLATES; so does this record.
        if (slot.templates.size >= WORKER_TEMPLATES) slot.templates.clear();
        slot.templates.add(key);
      }
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
