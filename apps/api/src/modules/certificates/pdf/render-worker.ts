import { parentPort } from 'node:worker_threads';
import { WORKER_TEMPLATES, type RenderMessage } from './pdf-pool';
import { renderCertificatePdf, type RenderInput } from './render-certificate';

/** Template content and assets by template key, sent once by PdfPool (which clears its record in step). */
const templates = new Map<string, Pick<RenderInput, 'content' | 'assets'>>();

/** Worker thread: renders certificates sent by PdfPool (fonts parsed once per worker). */
parentPort!.on('message', async (message: RenderMessage) => {
  try {
    const { input } = message;
    const key = input.templateKey;
    let template: Pick<RenderInput, 'content' | 'assets'>;
    if (input.content && input.assets) {
      template = { content: input.content, assets: input.assets };
      if (key) {
        if (templates.size >= WORKER_TEMPLATES) templates.clear();
        templates.set(key, template);
      }
    } else {
      const known = key ? templates.get(key) : undefined;
      if (!known) throw new Error(`template ${key} was not sent to this worker`);
      template = known;
    }
    let bytes = await renderCertificatePdf({ ...input, ...template, meta: { ...input.meta, date: new Date(input.meta.date) } });
    // Transferred, not copied: only a buffer of its own (not a slice of Node's shared pool) may be.
    if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) bytes = new Uint8Array(bytes);
    parentPort!.postMessage({ id: message.id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: String((error as Error)?.stack ?? error) });
  }
});
