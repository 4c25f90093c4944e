import { useEffect, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCheckInResult } from '@asah/contracts/classroom';
import { api, isApiError } from '@asah/ui/api-client';
import { errorMessage } from '@asah/ui/errors';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { formatDateTime } from '../learning/format';

/**
 * What the session's QR code opens (`/hadir/<sessionId>?kode=<code>`, CHECK_IN_PATH): the learner is
 * signed in first if needed (the guard brings them back here), then checked in at once.
 */
export function CheckInResult({ sessionId, code }: { sessionId: string; code: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const checkIn = useMutation({
    mutationFn: () => api.post<TCheckInResult>(`/sessions/${sessionId}/check-in`, { code }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['learning'] }), queryClient.invalidateQueries({ queryKey: ['me'] })]),
  });
  // Once per page load, also under StrictMode's double effects: a code is single-purpose.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !code) return;
    sent.current = true;
    checkIn.mutate();
  }, [checkIn, code]);

  if (!code) {
    return <Outcome ok={false} title={t('checkIn.failedTitle')} body={t('checkIn.noCode')} />;
  }
  if (checkIn.isIdle || checkIn.isPending) return <LoadingState label={t('checkIn.checking')} />;
  if (checkIn.isError) {
    const body = isApiError(checkIn.error, 'NOT_FOUND') ? t('checkIn.notFound') : errorMessage(t, checkIn.error);
    return <Outcome ok={false} title={t('checkIn.failedTitle')} body={body} />;
  }
  return (
    <Outcome
      ok
      title={t('checkIn.successTitle')}
      body={t('checkIn.successBody', { title: checkIn.data.title, time: formatDateTime(checkIn.data.recordedAt, i18n.language) })}
    />
  );
}

function Outcome({ ok, title, body }: { ok: boolean; title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <section className="card check-in" role={ok ? 'status' : 'alert'} aria-labelledby="check-in-title">
      <div className="check-in-mark" aria-hidden="true">
        {ok ? '✓' : '!'}
      </div>
      <h1 id="check-in-title">{title}</h1>
      <p>{body}</p>
      {!ok && <p className="muted">{t('checkIn.scanAgain')}</p>}
      <Link to="/pembelajaran" className="btn btn-secondary">
        {t('checkIn.toMyLearning')}
      </Link>
    </section>
  );
}
