/**
 * A TrueType subsetter for PDF embedding (FontFile2 of a CIDFontType2 font), made for speed: the
 * font's tables are located once, and a subset only copies the raw outlines of the glyphs used
 * (plus the components of composite glyphs). Glyph ids are KEPT (CIDToGIDMap /Identity, CID =
 * original glyph id): unused glyphs become empty entries, so composite glyphs need no rewriting
 * and the caller can write glyph ids straight from the shaper. The tables written are the ones
 * the PDF specification requires for an embedded TrueType font (head, hhea, loca, maxp, cvt,
 * prep, glyf, hmtx, fpgm), the same set fontkit's subsetter writes.
 *
 * Why not fontkit's subsetter: it decodes and re-encodes every glyph through its generic struct
 * layer and was most of the cost of a certificate PDF (see docs/operations.md).
 */

interface Table {
  offset: number;
  length: number;
}

const COPIED = ['cvt ', 'fpgm', 'prep'] as const;

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export class TrueTypeSubsetter {
  readonly numGlyphs: number;
  private readonly tables = new Map<string, Table>();
  private readonly loca: Uint32Array;
  private readonly advances: Uint16Array;
  private readonly bearings: Int16Array;
  private readonly components = new Map<number, number[]>();
  /** Tables copied as they are (hinting programs), with their checksums: the same in every subset. */
  private readonly copied: [string, Buffer, number][] = [];

  constructor(private readonly font: Buffer) {
    const numTables = font.readUInt16BE(4);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      this.tables.set(font.toString('latin1', at, at + 4), { offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) });
    }
    for (const tag of ['head', 'hhea', 'hmtx', 'loca', 'maxp', 'glyf']) if (!this.tables.has(tag)) throw new Error(`not a TrueType font with outlines: no ${tag} table`);
    const head = this.table('head');
    const maxp = this.table('maxp');
    const hhea = this.table('hhea');
    const hmtx = this.table('hmtx');
    const loca = this.table('loca');
    this.numGlyphs = font.readUInt16BE(maxp.offset + 4);
    const longLoca = font.readInt16BE(head.offset + 50) === 1;
    this.loca = new Uint32Array(this.numGlyphs + 1);
    for (let g = 0; g <= this.numGlyphs; g++) {
      this.loca[g] = longLoca ? font.readUInt32BE(loca.offset + g * 4) : font.readUInt16BE(loca.offset + g * 2) * 2;
    }
    const metrics = font.readUInt16BE(hhea.offset + 34);
    this.advances = new Uint16Array(this.numGlyphs);
    this.bearings = new Int16Array(this.numGlyphs);
    for (let g = 0; g < this.numGlyphs; g++) {
      if (g < metrics) {
        this.advances[g] = font.readUInt16BE(hmtx.offset + g * 4);
        this.bearings[g] = font.readInt16BE(hmtx.offset + g * 4 + 2);
      } else {
        this.advances[g] = this.advances[metrics - 1];
        this.bearings[g] = font.readInt16BE(hmtx.offset + metrics * 4 + (g - metrics) * 2);
      }
    }
    for (const tag of COPIED) if (this.tables.has(tag)) this.copied.push([tag, this.slice(tag), checksum(this.slice(tag))]);
  }

  private table(tag: string): Table {
    return this.tables.get(tag)!;
  }

  /** Glyph ids a composite glyph refers to (empty for simple and empty glyphs). */
  private componentsOf(gid: number): number[] {
    let found = this.components.get(gid);
    if (found) return found;
    found = [];
    const start = this.table('glyf').offset + this.loca[gid];
    if (this.loca[gid + 1] > this.loca[gid] && this.font.readInt16BE(start) < 0) {
      let at = start + 10;
      for (;;) {
        const flags = this.font.readUInt16BE(at);
        found.push(this.font.readUInt16BE(at + 2));
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) at += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    this.components.set(gid, found);
    return found;
  }

  /**
   * The font file holding `glyphIds` (and .notdef and composite components) under their own ids;
   * every other glyph is empty with zero metrics. Deterministic: the same ids give the same bytes.
   */
  subset(glyphIds: Iterable<number>): Buffer {
    const keep = new Set<number>([0]);
    const visit = (gid: number) => {
      if (gid >= this.numGlyphs || keep.has(gid)) return;
      keep.add(gid);
      for (const c of this.componentsOf(gid)) visit(c);
    };
    for (const gid of glyphIds) visit(gid);
    const count = Math.max(...keep) + 1;

    const glyfTable = this.table('glyf');
    let glyfLength = 0;
    for (const gid of keep) glyfLength += (this.loca[gid + 1] - this.loca[gid] + 3) & ~3;
    const glyf = Buffer.alloc(glyfLength);
    const loca = Buffer.alloc((count + 1) * 4);
    const hmtx = Buffer.alloc(count * 4);
    let offset = 0;
    for (let gid = 0; gid < count; gid++) {
      loca.writeUInt32BE(offset, gid * 4);
      if (!keep.has(gid)) continue;
      const start = glyfTable.offset + this.loca[gid];
      const length = this.loca[gid + 1] - this.loca[gid];
      this.font.copy(glyf, offset, start, start + length);
      offset += (length + 3) & ~3;
      hmtx.writeUInt16BE(this.advances[gid], gid * 4);
      hmtx.writeInt16BE(this.bearings[gid], gid * 4 + 2);
    }
    loca.writeUInt32BE(offset, count * 4);

    const head = Buffer.from(this.slice('head'));
    head.writeUInt32BE(0, 8); // checkSumAdjustment: not needed for an embedded font
    head.writeInt16BE(1, 50); // long loca offsets
    const hhea = Buffer.from(this.slice('hhea'));
    hhea.writeUInt16BE(count, 34);
    const maxp = Buffer.from(this.slice('maxp'));
    maxp.writeUInt16BE(count, 4);

    const tables: [string, Buffer, number][] = [['glyf', glyf], ['head', head], ['hhea', hhea], ['hmtx', hmtx], ['loca', loca], ['maxp', maxp]].map(
      ([tag, data]) => [tag as string, data as Buffer, checksum(data as Buffer)],
    );
    tables.push(...this.copied);
    tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return writeSfnt(tables);
  }

  private slice(tag: string): Buffer {
    const t = this.table(tag);
    return this.font.subarray(t.offset, t.offset + t.length);
  }
}

function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/** An sfnt file (TrueType outlines) of `tables`, sorted by tag, each 4-byte aligned. */
function writeSfnt(tables: [string, Buffer, number][]): Buffer {
  const n = tables.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(n * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach(([tag, data, sum], i) => {
    const at = 12 + i * 16;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(sum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    parts.push(data);
    const pad = (4 - (data.length & 3)) & 3;
    if (pad) parts.push(Buffer.alloc(pad));
    offset += data.length + pad;
  });
  return Buffer.concat(parts);
}
