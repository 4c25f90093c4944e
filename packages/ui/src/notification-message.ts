import type { TFunction } from 'i18next';
import type { TNotification } from '@asah/contracts/notifications';

/** Sentences of in-app notifications (`notifications.<type>[_<variant>]` in the shared locales), filled from their data. */

const tag = (lang: string) => (lang === 'en' ? 'en-GB' : 'id-ID');

function day(value: string | undefined, lang: string): string {
  if (!value) return '';
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(tag(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function instant(value: string | undefined, lang: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tag(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(date);
}

/** The key of the sentence: some types read differently by their outcome (`notifications.<type>[_<variant>]`). */
export function messageKey(n: TNotification): string {
  const { data } = n;
  switch (n.type) {
    case 'enrolled':
      return data.status === 'waitlisted' ? 'enrolled_waitlisted' : 'enrolled';
    case 'waitlist_promoted':
      return data.status === 'requested' ? 'waitlist_promoted_requested' : 'waitlist_promoted';
    case 'approval_needed':
      return data.kind === 'development_log' ? 'approval_needed_log' : 'approval_needed';
    case 'approval_decided':
    case 'log_decided':
      return `${n.type}_${data.decision === 'rejected' ? 'rejected' : 'approved'}`;
    default:
      return n.type;
  }
}

/** The translated sentence of a notification, filled in from its data. */
export function notificationMessage(t: TFunction, n: TNotification, lang: string): string {
  const { data } = n;
  return t([`notifications.${messageKey(n)}`, 'notifications.fallback'], {
    courseTitle: data.courseTitle ?? '',
    cohortName: data.cohortName ?? '',
    learnerName: data.learnerName ?? '',
    logTitle: data.logTitle ?? '',
    sessionTitle: data.sessionTitle ?? '',
    reason: data.reason ?? '',
    jp: data.jp ?? '',
    startsOn: day(data.startsOn, lang),
    deadline: day(data.deadline, lang),
    startsAt: instant(data.startsAt, lang),
    interpolation: { escapeValue: false },
  });
}
