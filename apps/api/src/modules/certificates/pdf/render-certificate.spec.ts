import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { defaultTemplateContent } from '../default-template';
import { renderCertificatePdf, type CertificateValues, type RenderInput } from './render-certificate';
import { TrueTypeSubsetter } from './truetype-subset';

const values = (holderName: string): CertificateValues => ({
  holderName,
  nip: 'NIP 198701012010011001',
  courseTitle: 'Pelatihan Kepemimpinan Pengawas',
  jp: '36',
  completedOn: '1 Oktober 2026',
  issuedOn: '22 November 2026',
  number: 'SERT/2026/SMG/000001',
  agencyName: 'Pemerintah Kota Semarang',
  signerName: 'Kepala Badan Kepegawaian',
  signerTitle: 'Kepala BKPSDM',
  signerNip: '',
  verificationUrl: 'https://asah.example.go.id/verify/abc',
});
const input = (holderName: string, templateKey?: string): RenderInput => ({
  content: defaultTemplateContent(),
  values: values(holderName),
  assets: {},
  meta: { id: 'c1', title: 'Sertifikat SERT/2026/SMG/000001', date: new Date('2026-11-22T03:04:05Z') },
  templateKey,
});

describe('renderCertificatePdf', () => {
  it('renders the same bytes for the same input, whether the template was prepared before or not', async () => {
    const first = Buffer.from(await renderCertificatePdf(input('Ñoman Ṡurya Жанна')));
    const prepared = Buffer.from(await renderCertificatePdf(input('Ñoman Ṡurya Жанна', 'v1')));
    const again = Buffer.from(await renderCertificatePdf(input('Ñoman Ṡurya Жанна', 'v1')));
    expect(prepared.equals(first)).toBe(true);
    expect(again.equals(first)).toBe(true);
    expect(Buffer.from(await renderCertificatePdf(input('Budi Santoso', 'v1'))).equals(first)).toBe(false);
  });

  it('renders a certificate to the same bytes whatever was rendered before in the process (shared font subsets)', async () => {
    const fresh = async (names: string[]) => {
      let bytes: Buffer | undefined;
      let render: typeof renderCertificatePdf | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module and its caches
        render = (require('./render-certificate') as typeof import('./render-certificate')).renderCertificatePdf;
      });
      for (const name of names) bytes = Buffer.from(await render!(input(name, 'v1')));
      return bytes!;
    };
    for (const name of ['Budi Santoso', 'Đặng Thị Ngọc Ánh']) {
      const alone = await fresh([name]);
      expect((await fresh(['Ñoman Ṡurya Жанна', 'Siti Aminah', 'Nguyễn Văn Ánh', name])).equals(alone)).toBe(true);
    }
  });

  it('writes a cross-reference table whose offsets point at their objects', async () => {
    const pdf = Buffer.from(await renderCertificatePdf(input('Budi Santoso', 'v1'))).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
    const [, count] = /^xref\n0 (\d+)\n/.exec(pdf.slice(startxref))!.map(Number);
    const entries = pdf.slice(startxref).split('\n').slice(2, 2 + count);
    let objects = 0;
    entries.forEach((entry, n) => {
      expect(entry).toHaveLength(19); // 20 bytes with the newline
      if (!entry.endsWith(' n ')) return;
      objects++;
      expect(pdf.startsWith(`${n} 0 obj\n`, Number(entry.slice(0, 10)))).toBe(true);
    });
    // catalog, pages, page, contents, info, and 5 objects per face (two faces in the default template)
    expect(objects).toBe(15);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold /);
  });
});

describe('TrueTypeSubsetter', () => {
  const bytes = readFileSync(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf'));
  const font = fontkit.create(bytes);

  it('keeps the glyphs asked for, and the components of composite ones, under their own ids', () => {
    const glyphs = font.layout('Ṡurya Ñoman Жанна').glyphs;
    const ids = glyphs.map((g) => g.id);
    const subset = fontkit.create(new TrueTypeSubsetter(bytes).subset(ids));
    const composites = ids.filter((id) => (font.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours! < 0);
    expect(composites.length).toBeGreaterThan(0); // the test covers composite glyphs
    for (const id of ids) {
      expect(subset.getGlyph(id).path.toSVG()).toBe(font.getGlyph(id).path.toSVG());
      expect(subset.getGlyph(id).advanceWidth).toBe(font.getGlyph(id).advanceWidth);
    }
    // A glyph not asked for is empty.
    const other = font.layout('Q').glyphs[0].id;
    expect(subset.getGlyph(other).path.toSVG()).toBe('');
  });
});
