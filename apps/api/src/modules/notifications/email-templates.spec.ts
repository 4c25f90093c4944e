import { NOTIFICATION_TYPES } from '@asah/contracts/notifications';
import { renderEmail } from './email-templates';

describe('notification emails', () => {
  it('have an Indonesian subject and greeting for every type', () => {
    for (const type of NOTIFICATION_TYPES) {
      const email = renderEmail(type, { courseTitle: 'Pelayanan Publik', cohortName: 'Angkatan I 2026' }, 'Budi Santoso');
      expect(email.subject).toMatch(/^\[Asah\] /);
      expect(email.text).toMatch(/^Yth\. Budi Santoso,/);
    }
  });

  it('say what was decided and why', () => {
    const rejected = renderEmail('approval_decided', { courseTitle: 'Pelayanan Publik', decision: 'rejected', reason: 'Kuota penuh' }, 'Ani');
    expect(rejected.subject).toBe('[Asah] Ditolak: Pelayanan Publik');
    expect(rejected.text).toContain('Alasan: Kuota penuh');
  });

  it('write dates and times in Asia/Jakarta', () => {
    const session = renderEmail('session_tomorrow', { sessionTitle: 'Hari 1', startsAt: '2026-03-02T01:00:00.000Z', location: 'Aula' }, 'Ani');
    expect(session.text).toContain('2 Maret 2026');
    expect(session.text).toMatch(/08[.:]00/);
  });
});
