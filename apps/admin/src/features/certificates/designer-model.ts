import {
  IMAGE_FIELD_KINDS,
  pageSize,
  type TFieldKind,
  type TOrientation,
  type TTemplate,
  type TTemplateContent,
  type TTemplateField,
} from '@asah/contracts/certificates';

/** A placed field with a key of the designer's own (fields have no id in the contract). */
export type DesignerField = TTemplateField & { key: string };

export interface DesignerState extends Omit<TTemplateContent, 'fields'> {
  fields: DesignerField[];
}

let nextKey = 0;
const newKey = () => `f${++nextKey}`;

export const MM_PER_PT = 25.4 / 72;
export const ptToMm = (pt: number) => Math.round(pt * MM_PER_PT * 10) / 10;
export const mmToPt = (mm: number) => Math.round((mm / MM_PER_PT) * 100) / 100;

export const isImageKind = (kind: TFieldKind) => (IMAGE_FIELD_KINDS as readonly TFieldKind[]).includes(kind);

/** Where a new field lands and how big it is: centred, sized for what it usually holds. */
export function newField(kind: TFieldKind, orientation: TOrientation): DesignerField {
  const page = pageSize(orientation);
  const base = { kind, font: 'sans', fontSize: 14, align: 'center', color: '#000000', text: null, width: null, height: null } as const;
  if (kind === 'qr_code') return { ...base, key: newKey(), x: page.width - 110, y: page.height - 110, width: 80, height: 80, align: 'left' };
  if (kind === 'signature_image') return { ...base, key: newKey(), x: page.width / 2 - 60, y: page.height - 170, width: 120, height: 50, align: 'left' };
  if (kind === 'agency_logo') return { ...base, key: newKey(), x: page.width / 2 - 35, y: 30, width: 70, height: 70, align: 'left' };
  const big = kind === 'holder_name' ? { font: 'serif_bold' as const, fontSize: 30 } : kind === 'course_title' ? { font: 'sans_bold' as const, fontSize: 18 } : {};
  return { ...base, ...big, key: newKey(), x: page.width / 2, y: page.height / 2, text: kind === 'free_text' ? 'Diberikan kepada' : null };
}

/** A reasonable first design, so nobody starts from an empty page. */
export function starterDesign(name: string): DesignerState {
  const orientation: TOrientation = 'landscape';
  const page = pageSize(orientation);
  const at = (kind: TFieldKind, y: number, extra: Partial<TTemplateField> = {}): DesignerField => ({ ...newField(kind, orientation), y, ...extra });
  return {
    name,
    orientation,
    backgroundAssetId: null,
    signatureAssetId: null,
    logoAssetId: null,
    signer: { name: '', title: '', nip: null },
    fields: [
      at('agency_logo', 36),
      at('free_text', 120, { text: 'SERTIFIKAT', font: 'serif_bold', fontSize: 34 }),
      at('certificate_number', 165, { fontSize: 11 }),
      at('free_text', 205, { text: 'Diberikan kepada', fontSize: 13 }),
      at('holder_name', 228),
      at('holder_nip', 270, { fontSize: 12 }),
      at('free_text', 300, { text: 'atas keberhasilannya menyelesaikan', fontSize: 13 }),
      at('course_title', 322),
      at('free_text', 350, { text: 'sebanyak {jp} JP, selesai pada {completedOn}', fontSize: 12 }),
      at('free_text', 420, { text: 'Ditetapkan pada {issuedOn}', fontSize: 11 }),
      at('signature_image', 440, { x: page.width / 2 - 60 }),
      at('signer_name', 495, { font: 'sans_bold', fontSize: 12 }),
      at('signer_title', 512, { fontSize: 11 }),
      at('signer_nip', 528, { fontSize: 10 }),
      at('qr_code', page.height - 110),
    ],
  };
}

export function fromTemplate(template: TTemplate): DesignerState {
  return {
    name: template.name,
    orientation: template.orientation,
    backgroundAssetId: template.backgroundAssetId,
    signatureAssetId: template.signatureAssetId,
    logoAssetId: template.logoAssetId,
    signer: { name: template.signer.name, title: template.signer.title, nip: template.signer.nip },
    fields: template.fields.map((field) => ({ ...field, key: newKey() })),
  };
}

/** What the API stores: the design without the designer's keys. */
export function toContent(state: DesignerState): TTemplateContent {
  return { ...state, fields: state.fields.map(({ key: _key, ...field }) => field) };
}

/** Keeps a field on the page, whatever a drag or a typed number asked for. */
export function clampToPage(field: DesignerField, orientation: TOrientation): DesignerField {
  const page = pageSize(orientation);
  const round = (n: number) => Math.round(n * 100) / 100;
  const maxX = isImageKind(field.kind) ? page.width - (field.width ?? 0) : page.width;
  const maxY = page.height - (isImageKind(field.kind) ? (field.height ?? 0) : field.fontSize);
  return { ...field, x: round(Math.min(Math.max(0, field.x), Math.max(0, maxX))), y: round(Math.min(Math.max(0, field.y), Math.max(0, maxY))) };
}

/**
 * Sample values for the live preview, printed as the API prints them (certificate-pdf.service):
 * the name has marks and letters beyond ASCII on purpose.
 */
export const SAMPLE = {
  holder_name: 'Ni Putu Ayu Śrīwahyuni Ñoman, S.Kom.',
  holder_nip: '198609262015052001',
  course_title: 'Pelatihan Kepemimpinan Pengawas',
  jp: '32',
  completed_on: '20 November 2026',
  issued_on: '22 November 2026',
  certificate_number: 'SERT/2026/SMG/000123',
  agency_name: 'Pemerintah Kota Semarang',
} as const;

const PLACEHOLDERS: Record<string, string> = {
  holderName: SAMPLE.holder_name,
  nip: `NIP ${SAMPLE.holder_nip}`,
  courseTitle: SAMPLE.course_title,
  jp: '32',
  completedOn: SAMPLE.completed_on,
  issuedOn: '22 November 2026',
  number: SAMPLE.certificate_number,
  agencyName: SAMPLE.agency_name,
};

/** The text a field shows in the live preview. */
export function sampleText(field: TTemplateField, signer: TTemplateContent['signer']): string {
  switch (field.kind) {
    case 'signer_name':
      return signer.name || 'Dr. Hendrar Prihadi, M.M.';
    case 'signer_title':
      return signer.title || 'Kepala BKPSDM';
    case 'signer_nip':
      return signer.nip ? `NIP ${signer.nip}` : 'NIP 19700101 199503 1 002';
    case 'free_text':
      return (field.text ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => PLACEHOLDERS[name] ?? whole);
    case 'holder_nip':
      return `NIP ${SAMPLE.holder_nip}`;
    default:
      return field.kind in SAMPLE ? SAMPLE[field.kind as keyof typeof SAMPLE] : '';
  }
}

/** CSS for the embedded fonts as the browser can approximate them. */
export function fontCss(font: TTemplateField['font']): { fontFamily: string; fontWeight: number } {
  const serif = font.startsWith('serif');
  return {
    fontFamily: serif ? '"DejaVu Serif", "Noto Serif", Georgia, serif' : '"DejaVu Sans", "Noto Sans", Verdana, sans-serif',
    fontWeight: font.endsWith('bold') ? 700 : 400,
  };
}

/** Turning the page keeps each field at the same relative place (the centre stays the centre). */
export function reorient(field: DesignerField, from: TOrientation, to: TOrientation): DesignerField {
  if (from === to) return field;
  const a = pageSize(from);
  const b = pageSize(to);
  const image = isImageKind(field.kind);
  // Images are placed by their left edge: move their centre, not their corner.
  const centreX = image ? field.x + (field.width ?? 0) / 2 : field.x;
  const x = (centreX * b.width) / a.width - (image ? (field.width ?? 0) / 2 : 0);
  return clampToPage({ ...field, x, y: (field.y * b.height) / a.height }, to);
}
