import type { TNotificationData, TNotificationType } from '@asah/contracts/notifications';

export interface Email {
  subject: string;
  text: string;
}

const day = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  return new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long', ...(iso.length > 10 ? { timeStyle: 'short' } : {}) }).format(d);
};
const course = (d: TNotificationData) => `${d.courseTitle ?? 'kursus'}${d.cohortName ? ` (${d.cohortName})` : ''}`;

/**
 * The email for a notification, in Bahasa Indonesia (the product's first language); the portals
 * show the same notification translated from its type and data.
 */
export function renderEmail(type: TNotificationType, d: TNotificationData, name: string): Email {
  const lines = (subject: string, ...body: string[]): Email => ({ subject: `[Asah] ${subject}`, text: [`Yth. ${name},`, '', ...body, '', 'Salam,', 'Asah'].join('\n') });
  switch (type) {
    case 'enrolled':
      return d.status === 'waitlisted'
        ? lines(`Daftar tunggu: ${course(d)}`, `Anda didaftarkan pada ${course(d)}, namun angkatan sudah penuh. Anda berada di daftar tunggu dan akan mendapat kursi otomatis bila ada yang mundur.`)
        : lines(`Anda terdaftar: ${course(d)}`, `Anda telah didaftarkan pada ${course(d)}. Buka Pembelajaran Saya untuk memulai.`);
    case 'waitlist_promoted':
      return lines(
        `Kursi tersedia: ${course(d)}`,
        d.status === 'requested' ? `Kursi pada ${course(d)} tersedia untuk Anda; permohonan Anda kini menunggu persetujuan.` : `Kursi pada ${course(d)} kini menjadi milik Anda.`,
      );
    case 'approval_needed':
      return d.kind === 'development_log'
        ? lines(`Perlu persetujuan: catatan pengembangan ${d.learnerName ?? ''}`, `${d.learnerName ?? 'Seorang pegawai'} mencatat "${d.logTitle ?? ''}" (${d.jp ?? 0} JP) dan menunggu persetujuan Anda.`)
        : lines(`Perlu persetujuan: ${d.learnerName ?? ''} — ${course(d)}`, `${d.learnerName ?? 'Seorang pegawai'} mengajukan pendaftaran pada ${course(d)} dan menunggu persetujuan Anda.`);
    case 'approval_decided':
      return d.decision === 'approved'
        ? lines(`Disetujui: ${course(d)}`, `Pendaftaran Anda pada ${course(d)} telah disetujui.${d.reason ? ` Catatan: ${d.reason}` : ''}`)
        : lines(`Ditolak: ${course(d)}`, `Pendaftaran Anda pada ${course(d)} tidak disetujui. Alasan: ${d.reason ?? '-'}`);
    case 'log_decided':
      return d.decision === 'approved'
        ? lines(`Disetujui: ${d.logTitle ?? 'catatan pengembangan'}`, `Catatan pengembangan "${d.logTitle ?? ''}" disetujui; ${d.jp ?? 0} JP ditambahkan ke tahun ini.`)
        : lines(`Ditolak: ${d.logTitle ?? 'catatan pengembangan'}`, `Catatan pengembangan "${d.logTitle ?? ''}" tidak disetujui. Alasan: ${d.reason ?? '-'}`);
    case 'cohort_starts_soon':
      return lines(`Segera dimulai: ${course(d)}`, `${course(d)} dimulai pada ${day(d.startsOn)}.`);
    case 'deadline_approaching':
      return lines(`Batas waktu mendekat: ${course(d)}`, `Selesaikan ${course(d)} sebelum ${day(d.deadline)}.`);
    case 'session_tomorrow':
      return lines(`Besok: ${d.sessionTitle ?? 'sesi kelas'}`, `Sesi "${d.sessionTitle ?? ''}" (${course(d)}) berlangsung ${day(d.startsAt)}${d.location ? ` di ${d.location}` : ''}.`);
    case 'certificate_issued':
      return lines(`Sertifikat terbit: ${course(d)}`, `Sertifikat Anda untuk ${course(d)} telah terbit dan dapat diunduh di Asah.`);
    case 'certificate_revoked':
      return lines(`Sertifikat dicabut: ${course(d)}`, `Sertifikat Anda${d.certificateNumber ? ` nomor ${d.certificateNumber}` : ''} untuk ${course(d)} telah dicabut. Alasan: ${d.reason ?? '-'}`);
  }
}
