import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFRef, type PDFEmbeddedPage, type PDFImage } from 'pdf-lib';
import QRCode from 'qrcode';
import { pageSize, type TFont, type TTemplateContent, type TTemplateField } from '@asah/contracts/certificates';
import { TrueTypeSubsetter } from './truetype-subset';

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
  /**
   * Names an immutable template (its version id): the parts of the PDF that do not depend on the
   * certificate (background, images) are prepared once per key and reused. Without it (previews),
   * nothing is kept.
   */
  templateKey?: string;
}

/* ------------------------------------------------------------------------------------------------
 * Fonts: DejaVu, read, parsed (fontkit, for shaping and metrics) and indexed for subsetting once per
 * process or worker thread. Each PDF embeds, per face used, a subset holding only its glyphs.
 * --------------------------------------------------------------------------------------------- */

const FONT_FILES: Record<TFont, string> = {
  sans: 'DejaVuSans.ttf',
  sans_bold: 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  serif_bold: 'DejaVuSerif-Bold.ttf',
};

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitFont {
  layout(text: string): { glyphs: Glyph[] };
  unitsPerEm: number;
  postscriptName: string;
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  post: { isFixedPitch: boolean };
  head: { macStyle: { italic: boolean } };
  'OS/2'?: { sFamilyClass: number };
}

/** A laid-out run of text: glyph ids and its width in font units. */
interface Run {
  glyphs: Glyph[];
  width: number;
}

interface Face {
  font: FontkitFont;
  subsetter: TrueTypeSubsetter;
  /** 1000 / unitsPerEm: PDF glyph space. */
  scale: number;
  postscriptName: string;
  /** The FontDescriptor entries other than FontName and FontFile2. */
  descriptor: string;
  runs: Map<string, Run>;
  /** Glyphs of printable ASCII, embedded in every subset of this face (see fontObjectsOf). */
  ascii: Map<number, Glyph>;
  /** Font objects by the glyphs used beyond ASCII (bounded). */
  subsets: Map<string, FontObjects>;
}

/** The parts of an embedded font subset that depend only on its glyphs. */
interface FontObjects {
  baseFont: string;
  /** Stream bodies (dictionary + compressed data), ready to be framed as objects. */
  fontFile: Buffer;
  toUnicode: Buffer;
  widths: string;
}

const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const faces = new Map<TFont, Face>();

function faceOf(name: TFont): Face {
  let face = faces.get(name);
  if (!face) {
    const bytes = readFileSync(join(fontDir, FONT_FILES[name]));
    const font = fontkit.create(bytes) as unknown as FontkitFont;
    const scale = 1000 / font.unitsPerEm;
    // Flags as pdf-lib derives them (pdfkit's rule): symbolic, plus fixed pitch / serif / script / italic.
    const familyClass = font['OS/2'] ? font['OS/2'].sFamilyClass >> 8 : 0;
    let flags = 1 << 2;
    if (font.post.isFixedPitch) flags |= 1 << 0;
    if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
    if (familyClass === 10) flags |= 1 << 3;
    if (font.head.macStyle.italic) flags |= 1 << 6;
    const { minX, minY, maxX, maxY } = font.bbox;
    const descriptor =
      `/Flags ${flags} /FontBBox [${[minX, minY, maxX, maxY].map((v) => num(v * scale)).join(' ')}] /ItalicAngle ${num(font.italicAngle)}` +
      ` /Ascent ${num(font.ascent * scale)} /Descent ${num(font.descent * scale)} /CapHeight ${num((font.capHeight || font.ascent) * scale)}` +
      ` /XHeight ${num((font.xHeight || 0) * scale)} /StemV 0`;
    face = { font, subsetter: new TrueTypeSubsetter(bytes), scale, postscriptName: font.postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, ''), descriptor, runs: new Map(), ascii: new Map(), subsets: new Map() };
    faces.set(name, face);
    for (let c = 0x20; c < 0x7f; c++) for (const g of wordRun(face, String.fromCharCode(c)).glyphs) face.ascii.set(g.id, g);
  }
  return face;
}

/**
 * Shapes one word (a string without spaces) with fontkit: ligatures, composed accents. Words repeat
 * across certificates (labels, signer, agency, course, common given names): their runs are kept
 * (bounded), so most certificates shape only a few new words.
 */
function wordRun(face: Face, word: string): Run {
  let run = face.runs.get(word);
  if (!run) {
    const glyphs = face.font.layout(word).glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: g.codePoints }));
    run = { glyphs, width: glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) };
    if (face.runs.size >= 20000) face.runs.clear();
    face.runs.set(word, run);
  }
  return run;
}

/**
 * A line of text: its words shaped one by one, joined by the space glyph (fontkit's features act
 * within words for the scripts of names; widths are sums of advances, as pdf-lib computed them), so
 * wrapping adds widths instead of shaping every candidate line.
 */
function layout(face: Face, text: string): Run {
  if (!text.includes(' ')) return wordRun(face, text);
  const space = wordRun(face, ' ');
  const glyphs: Glyph[] = [];
  let width = 0;
  text.split(' ').forEach((word, i) => {
    if (i > 0) {
      glyphs.push(...space.glyphs);
      width += space.width;
    }
    if (!word) return;
    const run = wordRun(face, word);
    glyphs.push(...run.glyphs);
    width += run.width;
  });
  return { glyphs, width };
}

/* ------------------------------------------------------------------------------------------------
 * PDF syntax helpers.
 * --------------------------------------------------------------------------------------------- */

/** A number as PDF writes it: at most 3 decimals, never exponent notation, never "-0". */
function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** A PDF text string in UTF-16BE with BOM, as a hex string (any Unicode). */
function textString(s: string): string {
  let out = '<FEFF';
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
  return `${out}>`;
}

const two = (n: number) => String(n).padStart(2, '0');
const pdfDate = (d: Date) => `(D:${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z)`;

const colour = (hex: string) => [1, 3, 5].map((i) => num(parseInt(hex.slice(i, i + 2), 16) / 255)).join(' ');

/* ------------------------------------------------------------------------------------------------
 * The prepared template: what does not depend on the certificate, serialised once.
 * --------------------------------------------------------------------------------------------- */

interface Prepared {
  width: number;
  height: number;
  /** Header and the static objects (catalog, page tree, images, background), byte offsets fixed. */
  head: Buffer;
  /** Offsets of objects 1..staticCount-1 in `head` (0 = free number). */
  offsets: number[];
  catalog: number;
  pages: number;
  /** First object number free for the certificate's own objects (the page is this one). */
  firstFree: number;
  /** `/Name n 0 R` entries of the page's XObject resources. */
  xobjects: string;
  /** Content operators drawing the background, and each image field by its index. */
  backgroundOps: string;
  imageOps: Map<number, string>;
}

const ENDOBJ = Buffer.from('\nendobj\n', 'latin1');
const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\n', 'latin1');
const prepared = new Map<string, Prepared>();

function imageOf(doc: PDFDocument, asset: AssetBytes): Promise<PDFImage> {
  return asset.contentType === 'image/png' ? doc.embedPng(asset.bytes) : doc.embedJpg(asset.bytes);
}

/**
 * Embeds the background (image, or first page of a PDF) and the signature and logo images with
 * pdf-lib into an otherwise empty document, and serialises its objects: they are the same bytes in
 * every certificate of the template.
 */
async function prepare(content: TTemplateContent, assets: RenderInput['assets']): Promise<Prepared> {
  const { width, height } = pageSize(content.orientation);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const xobjects: string[] = [];
  const refOf = (ref: PDFRef) => `${ref.objectNumber} ${ref.generationNumber} R`;
  let backgroundOps = '';
  if (assets.background) {
    if (assets.background.contentType === 'application/pdf') {
      const [page]: PDFEmbeddedPage[] = await doc.embedPdf(assets.background.bytes, [0]);
      xobjects.push(`/Bg ${refOf(page.ref)}`);
      backgroundOps = `q 1 0 0 1 0 0 cm ${num(width / page.width)} 0 0 ${num(height / page.height)} 0 0 cm /Bg Do Q\n`;
    } else {
      const image = await imageOf(doc, assets.background);
      xobjects.push(`/Bg ${refOf(image.ref)}`);
      backgroundOps = `q ${num(width)} 0 0 ${num(height)} 0 0 cm /Bg Do Q\n`;
    }
  }
  const images = new Map<string, PDFImage>();
  const imageOps = new Map<number, string>();
  for (const [index, field] of content.fields.entries()) {
    if (field.kind !== 'signature_image' && field.kind !== 'agency_logo') continue;
    const asset = field.kind === 'signature_image' ? assets.signature : assets.logo;
    if (!asset) continue;
    const name = field.kind === 'signature_image' ? 'Sig' : 'Logo';
    let image = images.get(name);
    if (!image) {
      image = await imageOf(doc, asset);
      images.set(name, image);
      xobjects.push(`/${name} ${refOf(image.ref)}`);
    }
    const w = field.width ?? image.width;
    const h = field.height ?? (image.height * w) / image.width;
    imageOps.set(index, `q ${num(w)} 0 0 ${num(h)} ${num(field.x)} ${num(height - field.y - h)} cm /${name} Do Q\n`);
  }
  await doc.flush();

  const context = doc.context;
  const catalogRef = context.trailerInfo.Root as PDFRef;
  const pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  const firstFree = context.largestObjectNumber + 1;
  const parts: Buffer[] = [HEADER];
  const offsets: number[] = new Array(firstFree).fill(0);
  let at = HEADER.length;
  const push = (n: number, body: Buffer) => {
    const bytes = Buffer.concat([Buffer.from(`${n} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets[n] = at;
    parts.push(bytes);
    at += bytes.length;
  };
  push(catalogRef.objectNumber, Buffer.from(`<< /Type /Catalog /Pages ${pagesRef.objectNumber} 0 R >>`, 'latin1'));
  push(pagesRef.objectNumber, Buffer.from(`<< /Type /Pages /Kids [${firstFree} 0 R] /Count 1 >>`, 'latin1'));
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (ref === catalogRef || ref === pagesRef || ref.generationNumber !== 0) continue;
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    push(ref.objectNumber, Buffer.from(body));
  }
  return {
    width,
    height,
    head: Buffer.concat(parts),
    offsets,
    catalog: catalogRef.objectNumber,
    pages: pagesRef.objectNumber,
    firstFree,
    xobjects: xobjects.join(' '),
    backgroundOps,
    imageOps,
  };
}

async function preparedFor(input: RenderInput): Promise<Prepared> {
  if (!input.templateKey) return prepare(input.content, input.assets);
  let p = prepared.get(input.templateKey);
  if (!p) {
    p = await prepare(input.content, input.assets);
    if (prepared.size >= 20) prepared.clear();
    prepared.set(input.templateKey, p);
  }
  return p;
}

/* ------------------------------------------------------------------------------------------------
 * Per certificate: the text, the QR code, the font subsets, the document information.
 * --------------------------------------------------------------------------------------------- */

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

/** Greedy word wrap to `width`; a single word wider than the line stays whole. */
function wrap(text: string, face: Face, size: number, width: number | null): string[] {
  const lines: string[] = [];
  const toPoints = (face.scale * size) / 1000;
  const space = wordRun(face, ' ').width * toPoints;
  for (const paragraph of text.split('\n')) {
    if (!width) {
      lines.push(paragraph);
      continue;
    }
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = wordRun(face, word).width * toPoints;
      if (line && lineWidth + space + w > width) {
        lines.push(line);
        line = word;
        lineWidth = w;
      } else if (line) {
        line = `${line} ${word}`;
        lineWidth += space + w;
      } else {
        line = word;
        lineWidth = w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The QR code as vector squares (runs of dark modules merged): sharp at any zoom. Drawn in module
 * units (one `cm` maps a module to its size on the page), so each run is four small integers.
 */
function qrOps(url: string, x: number, top: number, size: number, pageHeight: number): string {
  // One byte-mode segment: a URL is bytes anyway, and it spares qrcode's search for the cheapest mix of modes.
  const qr = QRCode.create([{ data: Buffer.from(url, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  const bottom = pageHeight - top - size;
  const ops: string[] = ['q', '1 1 1 rg', `${num(x)} ${num(bottom)} ${num(size)} ${num(size)} re f`, '0 0 0 rg', `${num(cell)} 0 0 ${num(cell)} ${num(x + quiet * cell)} ${num(bottom + quiet * cell)} cm`];
  const dark = qr.modules.data;
  for (let row = 0; row < n; row++) {
    const y = n - 1 - row;
    let col = 0;
    while (col < n) {
      if (!dark[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && dark[row * n + col]) col++;
      ops.push(`${start} ${y} ${col - start} 1 re`);
    }
  }
  ops.push('f', 'Q', '');
  return ops.join('\n');
}

/** Glyphs one face shows in this PDF: id -> (width in glyph space, code points for ToUnicode). */
type Used = Map<number, Glyph>;

/** A PDF stream object body (Flate-compressed). */
function stream(dict: string, data: Buffer): Buffer {
  const packed = deflateSync(data);
  return Buffer.concat([Buffer.from(`<< ${dict}${dict ? ' ' : ''}/Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]);
}

/** The W array: runs of consecutive glyph ids with their widths. */
function widthsOf(face: Face, ids: number[], used: Used): string {
  const out: string[] = [];
  let run: string[] = [];
  ids.forEach((id, i) => {
    if (i === 0 || id !== ids[i - 1] + 1) {
      if (run.length) out.push(`[${run.join(' ')}]`);
      out.push(String(id));
      run = [];
    }
    run.push(num(used.get(id)!.advanceWidth * face.scale));
  });
  if (run.length) out.push(`[${run.join(' ')}]`);
  return out.join(' ');
}

function toUnicodeOf(ids: number[], used: Used): Buffer {
  const entries: string[] = [];
  for (const id of ids) {
    const cps = used.get(id)!.codePoints;
    if (!cps.length) continue;
    entries.push(`<${hex4(id)}> <${cps.map((cp) => (cp > 0xffff ? hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff)) : hex4(cp))).join('')}>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return Buffer.from(
    `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n` +
      `/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n${blocks.join('\n')}\n` +
      `endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`,
    'latin1',
  );
}

/** A subset tag (six capitals) that depends only on what the subset holds. */
function subsetTag(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i] % 26));
  return tag;
}

/**
 * The font subset of one face for the glyphs `used` in a certificate. Every subset holds printable
 * ASCII besides the glyphs used, so the certificates of names written in ASCII (most Indonesian
 * names) share one subset per template, built and compressed once per process: a few kilobytes more
 * per PDF instead of a subset and a Flate compression per face and certificate. A name with other
 * letters adds its glyphs (one subset per distinct set, cached too). The subset is a function of the
 * glyphs beyond ASCII and their code points only (ASCII glyphs always map to their ASCII code point),
 * so the bytes do not depend on what was rendered before: deterministic.
 */
function fontObjectsOf(face: Face, used: Used): FontObjects {
  const extra = [...used.values()].filter((g) => !face.ascii.has(g.id)).sort((a, b) => a.id - b.id);
  const key = extra.map((g) => `${g.id}:${g.codePoints.join(',')}`).join(' ');
  let objects = face.subsets.get(key);
  if (!objects) {
    const glyphs: Used = new Map(face.ascii);
    for (const g of extra) glyphs.set(g.id, g);
    const ids = [...glyphs.keys()].sort((a, b) => a - b);
    objects = {
      baseFont: `${subsetTag(key)}+${face.postscriptName}`,
      fontFile: stream('', face.subsetter.subset(ids)),
      toUnicode: stream('', toUnicodeOf(ids, glyphs)),
      widths: widthsOf(face, ids, glyphs),
    };
    if (face.subsets.size >= 500) face.subsets.clear();
    face.subsets.set(key, objects);
  }
  return objects;
}

/**
 * Renders one certificate to PDF bytes: A4 in the template's orientation, the background (image or
 * first page of a PDF) stretched to the page, then each placed field in order. Text is DejaVu,
 * shaped with fontkit and embedded as a subset per face (CIDFontType2, Identity-H, with a ToUnicode
 * map so the text can be searched and copied), so any Unicode name renders. The PDF is written
 * directly (no pdf-lib document per certificate): a template's background and images are prepared
 * once, and each certificate adds its page, content stream, font subsets and information.
 * Deterministic: the same input gives the same bytes (fixed dates and producer, subset tags derived
 * from the glyphs).
 */
export async function renderCertificatePdf(input: RenderInput): Promise<Uint8Array> {
  const { content, values } = input;
  const p = await preparedFor(input);
  const { height } = p;

  const fontNames = new Map<TFont, string>();
  const used = new Map<TFont, Used>();
  let ops = p.backgroundOps;
  for (const [index, field] of content.fields.entries()) {
    if (field.kind === 'qr_code') {
      ops += qrOps(values.verificationUrl, field.x, field.y, field.width ?? field.height ?? 90, height);
      continue;
    }
    if (field.kind === 'signature_image' || field.kind === 'agency_logo') {
      ops += p.imageOps.get(index) ?? '';
      continue;
    }
    const text = textOf(field, values);
    if (!text) continue;
    const face = faceOf(field.font);
    let resource = fontNames.get(field.font);
    if (!resource) {
      resource = `F${fontNames.size}`;
      fontNames.set(field.font, resource);
      used.set(field.font, new Map());
    }
    const glyphsUsed = used.get(field.font)!;
    const size = field.fontSize;
    const lineHeight = size * 1.25;
    const lines = wrap(text, face, size, field.width);
    ops += `q BT ${colour(field.color)} rg /${resource} ${num(size)} Tf\n`;
    lines.forEach((line, i) => {
      const run = layout(face, line);
      const w = (run.width * face.scale * size) / 1000;
      const x = field.align === 'center' ? field.x - w / 2 : field.align === 'right' ? field.x - w : field.x;
      let hex = '';
      for (const g of run.glyphs) {
        hex += hex4(g.id);
        if (!glyphsUsed.has(g.id)) glyphsUsed.set(g.id, g);
      }
      ops += `1 0 0 1 ${num(x)} ${num(height - field.y - size - i * lineHeight)} Tm <${hex}> Tj\n`;
    });
    ops += 'ET Q\n';
  }

  // Objects of this certificate, numbered after the template's.
  const bodies: Buffer[] = [];
  let next = p.firstFree;
  const add = (body: string | Buffer) => {
    bodies.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return next++;
  };
  const pageNumber = next++;
  bodies.push(Buffer.alloc(0)); // placeholder for the page, written once the font numbers are known
  const contents = add(stream('', Buffer.from(ops, 'latin1')));
  const fontRefs: string[] = [];
  for (const [font, resource] of fontNames) {
    const face = faceOf(font);
    const objects = fontObjectsOf(face, used.get(font)!);
    const fontFile = add(objects.fontFile);
    const descriptor = add(`<< /Type /FontDescriptor /FontName /${objects.baseFont} ${face.descriptor} /FontFile2 ${fontFile} 0 R >>`);
    const cidFont = add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${objects.baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>` +
        ` /FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /W [${objects.widths}] >>`,
    );
    const toUnicode = add(objects.toUnicode);
    const type0 = add(`<< /Type /Font /Subtype /Type0 /BaseFont /${objects.baseFont} /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
    fontRefs.push(`/${resource} ${type0} 0 R`);
  }
  bodies[0] = Buffer.from(
    `<< /Type /Page /Parent ${p.pages} 0 R /MediaBox [0 0 ${num(p.width)} ${num(p.height)}] /Contents ${contents} 0 R` +
      ` /Resources << /ProcSet [/PDF /Text /ImageB /ImageC /ImageI] /Font << ${fontRefs.join(' ')} >>${p.xobjects ? ` /XObject << ${p.xobjects} >>` : ''} >> >>`,
    'latin1',
  );
  const date = pdfDate(input.meta.date);
  const info = add(
    `<< /Title ${textString(input.meta.title)} /Author ${textString(values.agencyName)} /Subject ${textString(values.number)} /Creator ${textString('Asah')}` +
      ` /Producer ${textString('Asah')} /CreationDate ${date} /ModDate ${date} >>`,
  );

  // Static part, then this certificate's objects, then the cross-reference table.
  const parts: Buffer[] = [p.head];
  const offsets = p.offsets.slice();
  let at = p.head.length;
  bodies.forEach((body, i) => {
    const open = Buffer.from(`${p.firstFree + i} 0 obj\n`, 'latin1');
    offsets[p.firstFree + i] = at;
    parts.push(open, body, ENDOBJ);
    at += open.length + body.length + ENDOBJ.length;
  });
  let xref = `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let n = 1; n < next; n++) xref += offsets[n] ? `${String(offsets[n]).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n';
  xref += `trailer\n<< /Size ${next} /Root ${p.catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
