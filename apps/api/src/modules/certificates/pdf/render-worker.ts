import { parentPort } from 'node:worker_threads';
import { renderCertificatePdf, type RenderInput } from './render-certificate';

/** Worker thread: renders certificates sent by PdfPool (fonts parsed once per worker). */
parentPort!.on('message', async (message: { id: number; input: RenderInput }) => {
  try {
    const bytes = await renderCertificatePdf({ ...message.input, meta: { ...message.input.meta, date: new Date(message.input.meta.date) } });
    parentPort!.postMessage({ id: message.id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: String((error as Error)?.stack ?? error) });
  }
});
