import { useTranslation } from 'react-i18next';
import type { TMySession } from '@asah/contracts/classroom';
import { Badge } from '@asah/ui/components/Badge';
import { formatDateTime, formatJp, formatTime } from '../../learning/format';

/** Classroom sessions with their time, place or online link, JP and whether the learner attended. */
export function SessionList({ sessions, showCourse = false }: { sessions: readonly TMySession[]; showCourse?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ul className="session-list">
      {sessions.map((session) => (
        <li key={session.id} className="session-item">
          <h3>{session.title}</h3>
          {showCourse && <p className="muted">{session.course.title}</p>}
          <ul className="fact-list">
            <li>
              {formatDateTime(session.startsAt, lang)}–{formatTime(session.endsAt, lang)} WIB
            </li>
            {session.location && <li>{t('course.place', { place: session.location })}</li>}
            {session.onlineUrl && (
              <li>
                <a href={session.onlineUrl} target="_blank" rel="noreferrer noopener">
                  {t('course.onlineLink')}
                </a>
              </li>
            )}
            {session.jp > 0 && <li>{t('catalogue.jpValue', { jp: formatJp(session.jp, lang) })}</li>}
            {session.present && (
              <li>
                <Badge tone="success">{t('course.attended')}</Badge>
              </li>
            )}
          </ul>
        </li>
      ))}
    </ul>
  );
}
