/**
 * Test-only zip helpers: read real packages the way the import will (yauzl, raw names, central
 * directory first) and build hostile ones. Excluded from the build; never imported by src.
 */
import * as path from 'node:path';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';
import { zipEntryInfo, type ZipEntryInfo } from '../zip-safety';

export const SAMPLES_DIR = path.resolve(__dirname, '../../../../../shared/scorm-samples');

export interface OpenedZip {
  entries: ZipEntryInfo[];
  readEntry(name: string): Promise<Buffer>;
  close(): void;
}

/**
 * `decodeStrings: false` keeps yauzl from rejecting hostile names itself, so our checks see them;
 * names are then decoded strictly (backslashes kept) with yauzl's own decoder.
 */
export async function openZip(buffer: Buffer): Promise<OpenedZip> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, autoClose: false });
  const raw = new Map<string, yauzl.Entry>();
  const entries: ZipEntryInfo[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const fileName = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      if (!raw.has(fileName)) raw.set(fileName, entry);
      entries.push(zipEntryInfo({ ...entry, fileName }));
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return {
    entries,
    async readEntry(name) {
      const entry = raw.get(name);
      if (!entry) throw new Error(`no entry ${name}`);
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}

export interface ZipFileSpec {
  name: string;
  content?: string | Buffer;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  compress?: boolean;
}

/**
 * Builds a zip in memory. yazl refuses unsafe names, so `renames` patches same-length
 * placeholder names in the finished bytes (local header and central directory alike).
 */
export async function buildZip(files: ZipFileSpec[], renames: Record<string, string> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) {
    const options = { ...(file.mode === undefined ? {} : { mode: file.mode }), ...(file.compress === undefined ? {} : { compress: file.compress }) };
    if (file.name.endsWith('/')) zip.addEmptyDirectory(file.name, options);
    else zip.addBuffer(Buffer.from(file.content ?? ''), file.name, options);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let buffer: Buffer = Buffer.concat(chunks);
  for (const [placeholder, name] of Object.entries(renames)) {
    const from = Buffer.from(placeholder);
    const to = Buffer.from(name);
    if (from.length !== to.length) throw new Error(`rename ${placeholder} → ${name} must keep the length`);
    buffer = replaceAll(buffer, from, to);
  }
  return buffer;
}

function replaceAll(buffer: Buffer, from: Buffer, to: Buffer): Buffer {
  const out = Buffer.from(buffer);
  let replaced = 0;
  for (let at = out.indexOf(from); at !== -1; at = out.indexOf(from, at + from.length)) {
    to.copy(out, at);
    replaced += 1;
  }
  if (replaced === 0) throw new Error(`placeholder ${from.toString()} not found`);
  return out;
}
