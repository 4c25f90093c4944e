import type { TTemplateContent } from '@asah/contracts/certificates';

/**
 * A plain landscape template that works without any upload: the seed gives one to each demo
 * agency, and the benchmark and tests render it. Positions are in points from the top-left.
 * Two faces only (DejaVu Sans and Sans Bold): each embedded face costs a font subset per PDF.
 */
export function defaultTemplateContent(signer: TTemplateContent['signer'] = { name: 'Kepala Badan Kepegawaian', title: 'Kepala BKPSDM', nip: null }): TTemplateContent {
  const centre = 421;
  return {
    name: 'Sertifikat Standar',
    orientation: 'landscape',
    backgroundAssetId: null,
    signatureAssetId: null,
    logoAssetId: null,
    signer,
    fields: [
      { kind: 'agency_name', x: centre, y: 50, width: 700, height: null, font: 'sans_bold', fontSize: 16, align: 'center', color: '#1f3a5f', text: null },
      { kind: 'free_text', x: centre, y: 90, width: 700, height: null, font: 'sans_bold', fontSize: 34, align: 'center', color: '#1f3a5f', text: 'SERTIFIKAT' },
      { kind: 'certificate_number', x: centre, y: 140, width: null, height: null, font: 'sans', fontSize: 11, align: 'center', color: '#333333', text: null },
      { kind: 'free_text', x: centre, y: 175, width: 700, height: null, font: 'sans', fontSize: 13, align: 'center', color: '#000000', text: 'Diberikan kepada' },
      { kind: 'holder_name', x: centre, y: 200, width: 720, height: null, font: 'sans_bold', fontSize: 26, align: 'center', color: '#000000', text: null },
      { kind: 'holder_nip', x: centre, y: 240, width: null, height: null, font: 'sans', fontSize: 12, align: 'center', color: '#333333', text: null },
      { kind: 'free_text', x: centre, y: 275, width: 680, height: null, font: 'sans', fontSize: 13, align: 'center', color: '#000000', text: 'atas keberhasilannya menyelesaikan pelatihan' },
      { kind: 'course_title', x: centre, y: 300, width: 680, height: null, font: 'sans_bold', fontSize: 18, align: 'center', color: '#000000', text: null },
      { kind: 'free_text', x: centre, y: 350, width: 680, height: null, font: 'sans', fontSize: 12, align: 'center', color: '#000000', text: 'sebanyak {jp} Jam Pelajaran (JP), selesai pada {completedOn}' },
      { kind: 'qr_code', x: 70, y: 410, width: 110, height: 110, font: 'sans', fontSize: 12, align: 'left', color: '#000000', text: null },
      { kind: 'free_text', x: 70, y: 525, width: 260, height: null, font: 'sans', fontSize: 8, align: 'left', color: '#555555', text: 'Pindai untuk memverifikasi keaslian sertifikat' },
      { kind: 'issued_on', x: 640, y: 400, width: null, height: null, font: 'sans', fontSize: 11, align: 'center', color: '#000000', text: null },
      { kind: 'signer_title', x: 640, y: 418, width: 300, height: null, font: 'sans', fontSize: 11, align: 'center', color: '#000000', text: null },
      { kind: 'signature_image', x: 580, y: 440, width: 120, height: 50, font: 'sans', fontSize: 12, align: 'left', color: '#000000', text: null },
      { kind: 'signer_name', x: 640, y: 495, width: 300, height: null, font: 'sans_bold', fontSize: 12, align: 'center', color: '#000000', text: null },
      { kind: 'signer_nip', x: 640, y: 512, width: null, height: null, font: 'sans', fontSize: 10, align: 'center', color: '#000000', text: null },
    ],
  };
}
