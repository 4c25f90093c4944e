import { extension, lookup } from 'mime-types';

/**
 * What a file really is, from its first bytes: the browser's claim and the extension are not
 * trusted for the types that matter (covers shown on every course card, videos played inline).
 */
export function sniffImage(head: Buffer): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | null {
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (/^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export function sniffVideo(head: Buffer): 'video/mp4' | 'video/webm' | 'video/ogg' | null {
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'video/webm';
  if (head.subarray(0, 4).toString('latin1') === 'OggS') return 'video/ogg';
  return null;
}

/**
 * A file name safe as one URL path segment and storage key segment: no folders, no control
 * characters, not hidden, at most 150 characters, ending in the extension of `contentType` when
 * given (the local driver serves the type the extension says).
 */
export function cleanFileName(name: string, contentType?: string): string {
  let clean = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!clean) clean = 'berkas';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot) : '';
  let base = dot > 0 ? clean.slice(0, dot) : clean;
  let suffix = ext;
  if (contentType && lookup(clean) !== contentType) {
    const wanted = extension(contentType);
    if (wanted) suffix = `${ext}.${wanted}`;
  }
  if (base.length + suffix.length > 150) base = base.slice(0, Math.max(1, 150 - suffix.length));
  return base + suffix;
}
