import { useTranslation } from 'react-i18next';
import { CopyButton } from '@asah/ui/components/CopyButton';
import { Modal } from '@asah/ui/components/Modal';

export interface TemporaryPassword {
  name: string;
  password: string;
  reason: 'created' | 'reset';
}

/** The only time the admin sees a temporary password: copy it now, it is not stored in readable form. */
export function TemporaryPasswordDialog({ value, onClose }: { value: TemporaryPassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={t('users.temporaryPasswordTitle')}
      onClose={onClose}
      size="sm"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('users.done')}
        </button>
      }
    >
      {value && (
        <>
          <p>
            {value.reason === 'created'
              ? t('users.temporaryPasswordCreated', { name: value.name })
              : t('users.temporaryPasswordReset', { name: value.name })}
          </p>
          <div className="secret">
            <span className="secret-value" data-testid="temporary-password">
              {value.password}
            </span>
            <CopyButton text={value.password} />
          </div>
          <p className="banner banner-warning" role="note">
            {t('users.temporaryPasswordOnce')}
          </p>
        </>
      )}
    </Modal>
  );
}
