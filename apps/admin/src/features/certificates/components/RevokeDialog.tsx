import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCertificate } from '@asah/contracts/certificates';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { useRevokeCertificate } from '../hooks/use-certificates';

/** Revocation is final (corrections are a new certificate), so it asks for a reason and a confirmation. */
export function RevokeDialog({ certificate, onClose }: { certificate: TCertificate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    revoke.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={certificate !== null}
      title={t('certificates.revoke.title')}
      confirmLabel={revoke.isPending ? t('certificates.revoke.revoking') : t('certificates.revoke.confirm')}
      danger
      pending={revoke.isPending}
      error={revoke.error}
      onClose={close}
      onConfirm={() => {
        if (!certificate) return;
        if (reason.trim() === '') return setMissing(true);
        revoke.mutate({ id: certificate.id, reason: reason.trim() }, { onSuccess: close });
      }}
    >
      {certificate && (
        <>
          <p>{t('certificates.revoke.body', { number: certificate.number, name: certificate.holder.name, course: certificate.course.title })}</p>
          <TextAreaField
            label={t('certificates.revoke.reason')}
            name="reason"
            required
            rows={3}
            hint={t('certificates.revoke.reasonHint')}
            error={missing ? { type: 'server', message: t('certificates.revoke.reasonRequired') } : undefined}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </>
      )}
    </ConfirmDialog>
  );
}
