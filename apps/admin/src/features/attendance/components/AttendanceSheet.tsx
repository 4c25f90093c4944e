import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAttendanceSheet } from '@asah/contracts/classroom';
import { Badge } from '@asah/ui/components/Badge';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { Nip } from '@asah/ui/components/Nip';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { formatJp } from '../../courses/format';
import { useSetAttendance } from '../hooks/use-sessions';
import { formatSessionTime } from '../session-time';
import '../attendance.css';

/**
 * The instructor's checklist: everyone expected at the session, ticked when present. Changes are
 * kept on the page until "Simpan", then sent at once (unticking takes back the session's JP).
 */
export function AttendanceSheet({ sheet }: { sheet: TAttendanceSheet }) {
  const { t, i18n } = useTranslation();
  const save = useSetAttendance(sheet.session.id);
  const [changes, setChanges] = useState<Map<string, boolean>>(new Map());
  const [saved, setSaved] = useState(false);
  const session = sheet.session;
  const canSave = session.can.takeAttendance;

  const isPresent = (userId: string, stored: boolean) => changes.get(userId) ?? stored;
  const presentCount = useMemo(() => sheet.items.filter((row) => changes.get(row.userId) ?? row.present).length, [sheet.items, changes]);

  const toggle = (userId: string, stored: boolean, present: boolean) => {
    setSaved(false);
    setChanges((current) => {
      const next = new Map(current);
      if (present === stored) next.delete(userId);
      else next.set(userId, present);
      return next;
    });
  };
  const markAll = () => {
    setSaved(false);
    setChanges(new Map(sheet.items.filter((row) => !row.present).map((row) => [row.userId, true])));
  };
  const submit = () => {
    const entries = [...changes].map(([userId, present]) => ({ userId, present }));
    if (entries.length === 0) return;
    save.mutate(
      { entries },
      {
        onSuccess: () => {
          setChanges(new Map());
          setSaved(true);
        },
      },
    );
  };

  return (
    <>
      <div className="page-header">
        <div>
          <Link to={`/kursus/${session.courseId}/sesi`} className="back-link">
            <span aria-hidden="true">←</span> {t('courseTabs.sessions')}
          </Link>
          <h1>{session.title}</h1>
          <p className="page-description">
            {formatSessionTime(session.startsAt, session.endsAt, i18n.language)}
            {session.location ? ` · ${session.location}` : ''} · {formatJp(session.jp, i18n.language)} JP
          </p>
        </div>
      </div>
      {save.error ? <ErrorBanner error={save.error} /> : null}
      {saved && <SuccessBanner>{t('attendance.saved')}</SuccessBanner>}
      {sheet.items.length === 0 ? (
        <EmptyState title={t('attendance.emptyTitle')} description={<p>{t('attendance.emptyBody')}</p>} />
      ) : (
        <>
          <p className="attendance-summary" data-testid="attendance-count" aria-live="polite">
            {t('attendance.presentOf', { present: presentCount, expected: sheet.total })}
            {canSave && presentCount < sheet.items.length && (
              <button type="button" className="btn btn-secondary btn-sm" onClick={markAll}>
                {t('attendance.markAll')}
              </button>
            )}
          </p>
          <ul className="attendance-list" aria-label={t('attendance.listLabel')}>
            {sheet.items.map((row) => {
              const present = isPresent(row.userId, row.present);
              return (
                <li key={row.userId}>
                  <label className={present ? 'attendance-item is-present' : 'attendance-item'}>
                    <input type="checkbox" checked={present} disabled={!canSave} onChange={(e) => toggle(row.userId, row.present, e.target.checked)} />
                    <span className="attendance-name">
                      <span className="cell-strong">{row.name}</span>
                      {row.nip && (
                        <span className="cell-sub">
                          <Nip value={row.nip} />
                        </span>
                      )}
                    </span>
                    {row.present && row.method === 'qr' && (
                      <span className="attendance-method">
                        <Badge tone="info">{t('attendance.viaQr')}</Badge>
                      </span>
                    )}
                  </label>
                </li>
              );
            })}
          </ul>
          {canSave && (
            <div className="attendance-bar">
              <span className="muted">{changes.size > 0 ? t('attendance.unsaved', { count: changes.size }) : t('attendance.noChanges')}</span>
              <button type="button" className="btn btn-primary" disabled={changes.size === 0 || save.isPending} onClick={submit}>
                {save.isPending ? t('common.saving') : t('attendance.save')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
