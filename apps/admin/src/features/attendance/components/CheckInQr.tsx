import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toDataURL } from 'qrcode';
import type { TClassroomSession } from '@asah/contracts/classroom';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Modal } from '@asah/ui/components/Modal';
import { formatDateTime } from '../../courses/format';
import '../../enrolments/enrolments.css';
import { useCheckInCode } from '../hooks/use-sessions';

/**
 * The session's check-in QR code for the room's screen. The code changes every minute (the hook
 * fetches the next one before it expires), so a photo of an old screen stops working soon.
 */
export function CheckInQrDialog({ session, onClose }: { session: TClassroomSession | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={session !== null} title={t('sessions.qrTitle', { title: session?.title ?? '' })} onClose={onClose}>
      {session && <CheckInQr sessionId={session.id} />}
    </Modal>
  );
}

export function CheckInQr({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const code = useCheckInCode(sessionId, true);
  const [image, setImage] = useState<string | null>(null);
  const url = code.data?.url;

  useEffect(() => {
    if (!url) return;
    let current = true;
    void toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 640 }).then((data) => current && setImage(data));
    return () => {
      current = false;
    };
  }, [url]);

  if (code.isPending) return <LoadingState />;
  if (code.isError) return <ErrorBanner error={code.error} onRetry={() => void code.refetch()} />;
  return (
    <div className="qr-panel">
      {image && <img src={image} alt={t('sessions.qrAlt')} data-testid="check-in-qr" />}
      <p className="qr-code-text" data-testid="check-in-code">
        {code.data.code}
      </p>
      <p className="muted">{t('sessions.qrHint')}</p>
      <p className="muted">{t('sessions.qrWindow', { from: formatDateTime(code.data.opensAt, i18n.language), to: formatDateTime(code.data.closesAt, i18n.language) })}</p>
    </div>
  );
}
