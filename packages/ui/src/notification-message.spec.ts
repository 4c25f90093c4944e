import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import type { TNotification } from '@asah/contracts/notifications';
import { messageKey, notificationMessage } from './notification-message';

const base = { id: '00000000-0000-4000-8000-000000000001', readAt: null, createdAt: '2026-11-22T03:00:00.000Z' };
const n = (type: TNotification['type'], data: TNotification['data'] = {}): TNotification => ({ ...base, type, data });

describe('notification sentences', () => {
  it('reads decisions and requests by their outcome and kind', () => {
    expect(messageKey(n('approval_decided', { decision: 'rejected' }))).toBe('approval_decided_rejected');
    expect(messageKey(n('approval_decided', { decision: 'approved' }))).toBe('approval_decided_approved');
    expect(messageKey(n('log_decided', { decision: 'rejected' }))).toBe('log_decided_rejected');
    expect(messageKey(n('approval_needed', { kind: 'development_log' }))).toBe('approval_needed_log');
    expect(messageKey(n('approval_needed', { kind: 'enrolment' }))).toBe('approval_needed');
    expect(messageKey(n('enrolled', { status: 'waitlisted' }))).toBe('enrolled_waitlisted');
    expect(messageKey(n('waitlist_promoted', { status: 'requested' }))).toBe('waitlist_promoted_requested');
    expect(messageKey(n('session_tomorrow'))).toBe('session_tomorrow');
  });

  it('asks for the specific sentence first, then the fallback, with days and times in Asia/Jakarta', () => {
    const calls: { keys: unknown; options: Record<string, unknown> }[] = [];
    const t = ((keys: unknown, options: Record<string, unknown>) => {
      calls.push({ keys, options });
      return 'x';
    }) as unknown as TFunction;
    notificationMessage(t, n('session_tomorrow', { courseTitle: 'Kursus', sessionTitle: 'Sesi 1', startsAt: '2026-11-23T01:30:00.000Z' }), 'id');
    notificationMessage(t, n('deadline_approaching', { deadline: '2026-12-05' }), 'en');
    expect(calls[0]!.keys).toEqual(['notifications.session_tomorrow', 'notifications.fallback']);
    // 01:30 UTC is 08.30 in Jakarta.
    expect(calls[0]!.options.startsAt).toMatch(/08[.:]30/);
    expect(calls[0]!.options.sessionTitle).toBe('Sesi 1');
    expect(calls[1]!.options.deadline).toBe('5 December 2026');
  });
});
