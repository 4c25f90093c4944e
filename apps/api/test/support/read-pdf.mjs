// Reads a PDF outside Jest's module sandbox (pdf.js needs real dynamic imports): prints
// {"text": ..., "qr": ...} for the PDF at argv[2], the QR code decoded from page 1 rendered at 2x.
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';

const parser = new PDFParse({ data: new Uint8Array(readFileSync(process.argv[2])) });
const text = (await parser.getText()).text;
const shot = await parser.getScreenshot({ scale: 2, imageBuffer: true, imageDataUrl: false });
const png = PNG.sync.read(Buffer.from(shot.pages[0].data));
const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
if (process.argv[3]) {
  // The picture is for a person to look at (e2e/artifacts is not in a fresh clone).
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(process.argv[3]), { recursive: true });
  writeFileSync(process.argv[3], PNG.sync.write(png));
}
await parser.destroy();
process.stdout.write(JSON.stringify({ text, qr: found?.data ?? null }));
