import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont, PDFImage, PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { pageSize, type TFont, type TTemplateContent, type TTemplateField } from '@asah/contracts/certificates';

/** What a certificate states, already formatted for print. */
export interface CertificateValues {
  holderName: string;
  nip: string;
  courseTitle: string;
  jp: string;
  completedOn: string;
  issuedOn: string;
  number: string;
  agencyName: string;
  signerName: string;
  signerTitle: string;
  signerNip: string;
  verificationUrl: string;
}

export interface AssetBytes {
  bytes: Uint8Array;
  contentType: string;
}

export interface RenderInput {
  content: TTemplateContent;
  values: CertificateValues;
  assets: { background?: AssetBytes | null; signature?: AssetBytes | null; logo?: AssetBytes | null };
  /** Written into the PDF instead of "now", so the same certificate renders to the same bytes. */
  meta: { id: string; title: string; date: Date };
}

const FONT_FILES: Record<TFont, string> = {
  sans: 'DejaVuSans.ttf',
  sans_bold: 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  serif_bold: 'DejaVuSerif-Bold.ttf',
};

// The font files are read and parsed once per process (or worker thread); pdf-lib would otherwise
// parse ~700 kB of TrueType for every certificate. Subsetting still happens per document.
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontBytes = new Map<TFont, Uint8Array>();
const parsed = new WeakMap<object, unknown>();
const cachingFontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsed.get(data);
    if (!font) {
      font = memoizeLayout(fontkit.create(data as Buffer, postscriptName));
      parsed.set(data, font);
    }
    return font;
  },
} as unknown as typeof fontkit;

/**
 * Shaping (fontkit `layout`) dominates rendering, and most strings of a template (labels, signer,
 * agency, course) repeat on every certificate: their glyph runs are kept (bounded), so only the
 * names and numbers are shaped per certificate. Glyph runs are only read by pdf-lib.
 */
function memoizeLayout<T>(font: T): T {
  const f = font as unknown as { layout: (text: string, features?: unknown) => unknown };
  const original = f.layout.bind(f);
  const runs = new Map<string, unknown>();
  f.layout = (text: string, features?: unknown) => {
    if (features !== undefined) return original(text, features);
    let run = runs.get(text);
    if (run === undefined) {
      run = original(text);
      if (runs.size >= 5000) runs.clear();
      runs.set(text, run);
    }
    return run;
  };
  return font;
}

function fontData(font: TFont): Uint8Array {
  let bytes = fontBytes.get(font);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(fontDir, FONT_FILES[font])));
    fontBytes.set(font, bytes);
  }
  return bytes;
}

const fill = (template: string, v: CertificateValues) =>
  template.replace(/\{(holderName|nip|courseTitle|jp|completedOn|issuedOn|number|agencyName)\}/g, (_, key: keyof CertificateValues) => v[key]);

function textOf(field: TTemplateField, v: CertificateValues): string {
  switch (field.kind) {
    case 'holder_name': return v.holderName;
    case 'holder_nip': return v.nip;
    case 'course_title': return v.courseTitle;
    case 'jp': return v.jp;
    case 'completed_on': return v.completedOn;
    case 'issued_on': return v.issuedOn;
    case 'certificate_number': return v.number;
    case 'signer_name': return v.signerName;
    case 'signer_title': return v.signerTitle;
    case 'signer_nip': return v.signerNip;
    case 'agency_name': return v.agencyName;
    case 'free_text': return fill(field.text ?? '', v);
    default: return '';
  }
}

const colour = (hex: string) => rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);

/** Greedy word wrap to `width`; a single word wider than the line stays whole. */
function wrap(text: string, font: PDFFont, size: number, width: number | null): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (!width) {
      lines.push(paragraph);
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The QR code as vector squares (runs of dark modules merged), written as one raw content stream:
 * sharp at any zoom, and much faster than a PNG or one pdf-lib rectangle call per run.
 */
function drawQr(doc: PDFDocument, page: PDFPage, url: string, x: number, top: number, size: number, pageHeight: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  const f = (v: number) => (Math.round(v * 1000) / 1000).toString();
  const bottom = pageHeight - top - size;
  const ops: string[] = ['q', '1 1 1 rg', `${f(x)} ${f(bottom)} ${f(size)} ${f(size)} re f`, '0 0 0 rg'];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      ops.push(`${f(x + (quiet + start) * cell)} ${f(pageHeight - top - (quiet + row + 1) * cell)} ${f((col - start) * cell)} ${f(cell)} re`);
    }
  }
  ops.push('f', 'Q');
  page.node.addContentStream(doc.context.register(doc.context.flateStream(ops.join('\n'))));
}

async function embedImage(doc: PDFDocument, asset: AssetBytes): Promise<PDFImage> {
  return asset.contentType === 'image/png' ? doc.embedPng(asset.bytes) : doc.embedJpg(asset.bytes);
}

/**
 * Renders one certificate to PDF bytes with pdf-lib: A4 in the template's orientation, the
 * background (image or first page of a PDF) stretched to the page, then each placed field.
 * Fonts are DejaVu, embedded as subsets, so any Unicode name renders. Deterministic: the same
 * input gives the same bytes (fixed metadata dates and producer, no random font names).
 */
export async function renderCertificatePdf(input: RenderInput): Promise<Uint8Array> {
  const { content, values, assets } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const { width, height } = pageSize(content.orientation);
  const page = doc.addPage([width, height]);

  if (assets.background) {
    if (assets.background.contentType === 'application/pdf') {
      const [embedded] = await doc.embedPdf(assets.background.bytes, [0]);
      page.drawPage(embedded, { x: 0, y: 0, width, height });
    } else {
      page.drawImage(await embedImage(doc, assets.background), { x: 0, y: 0, width, height });
    }
  }

  const fonts = new Map<TFont, PDFFont>();
  const fontFor = async (font: TFont) => {
    let f = fonts.get(font);
    if (!f) {
      f = await doc.embedFont(fontData(font), { subset: true, customName: `Asah${FONT_FILES[font].replace(/\W/g, '')}` });
      fonts.set(font, f);
    }
    return f;
  };
  const images = new Map<string, PDFImage>();

  for (const field of content.fields) {
    if (field.kind === 'qr_code') {
      const size = field.width ?? field.height ?? 90;
      drawQr(doc, page, values.verificationUrl, field.x, field.y, size, height);
      continue;
    }
    if (field.kind === 'signature_image' || field.kind === 'agency_logo') {
      const asset = field.kind === 'signature_image' ? assets.signature : assets.logo;
      if (!asset) continue;
      let image = images.get(field.kind);
      if (!image) {
        image = await embedImage(doc, asset);
        images.set(field.kind, image);
      }
      const w = field.width ?? image.width;
      const h = field.height ?? (image.height * w) / image.width;
      page.drawImage(image, { x: field.x, y: height - field.y - h, width: w, height: h });
      continue;
    }
    const text = textOf(field, values);
    if (!text) continue;
    const font = await fontFor(field.font);
    const size = field.fontSize;
    const lineHeight = size * 1.25;
    wrap(text, font, size, field.width).forEach((line, i) => {
      const w = font.widthOfTextAtSize(line, size);
      const x = field.align === 'center' ? field.x - w / 2 : field.align === 'right' ? field.x - w : field.x;
      page.drawText(line, { x, y: height - field.y - size - i * lineHeight, size, font, color: colour(field.color) });
    });
  }

  doc.setTitle(input.meta.title);
  doc.setAuthor(values.agencyName);
  doc.setSubject(values.number);
  doc.setCreator('Asah');
  doc.setProducer('Asah (pdf-lib)');
  doc.setCreationDate(input.meta.date);
  doc.setModificationDate(input.meta.date);
  return doc.save({ useObjectStreams: true });
}
