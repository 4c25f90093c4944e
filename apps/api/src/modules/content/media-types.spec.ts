import { cleanFileName, sniffImage, sniffVideo } from './media-types';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('sniffing', () => {
  it('recognises the cover image types by their signatures', () => {
    expect(sniffImage(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 'rest'))).toBe('image/png');
    expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImage(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffImage(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses what only claims to be an image: SVG, HTML, a renamed PDF', () => {
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImage(Buffer.from('<html>'))).toBeNull();
    expect(sniffImage(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('recognises MP4, WebM and Ogg video', () => {
    expect(sniffVideo(bytes(0, 0, 0, 0x20, 'ftypisom'))).toBe('video/mp4');
    expect(sniffVideo(bytes(0x1a, 0x45, 0xdf, 0xa3))).toBe('video/webm');
    expect(sniffVideo(bytes('OggS', 0))).toBe('video/ogg');
    expect(sniffVideo(Buffer.from('not a video at all'))).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps an ordinary name', () => {
    expect(cleanFileName('Materi Pelatihan 2026.pdf')).toBe('Materi Pelatihan 2026.pdf');
  });

  it('drops folders, control characters and leading dots', () => {
    expect(cleanFileName('C:\\Users\\budi\\modul.pdf')).toBe('C:Usersbudimodul.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('etcpasswd');
    expect(cleanFileName('.htaccess')).toBe('htaccess');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('...')).toBe('berkas');
  });

  it('adds the extension of the real type when the name does not say it', () => {
    expect(cleanFileName('rekaman', 'video/mp4')).toBe('rekaman.mp4');
    expect(cleanFileName('rekaman.mov', 'video/mp4')).toBe('rekaman.mov.mp4');
    expect(cleanFileName('rekaman.mp4', 'video/mp4')).toBe('rekaman.mp4');
  });

  it('shortens long names but keeps the extension', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.pdf`);
    expect(name).toHaveLength(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
