import { useTranslation } from 'react-i18next';
import type { TVerification } from '@asah/contracts/certificates';
import { formatDay, formatInstant, formatJp } from '../format';

/** What the public may know of a certificate: enough to trust it, not the whole NIP. */
export function VerificationResult({ verification }: { verification: TVerification }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const valid = verification.status === 'valid';
  return (
    <div className="verify-result">
      <div className={valid ? 'verify-status verify-valid' : 'verify-status verify-revoked'} role="status" data-testid="verify-status">
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          {valid ? (
            <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
          ) : (
            <path d="M6 6l12 12M18 6 6 18" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
          )}
        </svg>
        <div>
          <p className="verify-status-title">{valid ? t('verify.validTitle') : t('verify.revokedTitle')}</p>
          <p className="verify-status-text">{valid ? t('verify.validBody') : t('verify.revokedBody')}</p>
        </div>
      </div>
      {!valid && (
        <dl className="dl verify-facts verify-revocation">
          <dt>{t('verify.revokedAt')}</dt>
          <dd>{verification.revokedAt ? formatInstant(verification.revokedAt, language) : t('verify.unknown')}</dd>
          <dt>{t('verify.reason')}</dt>
          <dd data-testid="verify-reason">{verification.revocationReason ?? t('verify.unknown')}</dd>
        </dl>
      )}
      <dl className="dl verify-facts">
        <dt>{t('verify.holder')}</dt>
        <dd className="verify-holder">{verification.holderName}</dd>
        <dt>{t('verify.nip')}</dt>
        <dd>{verification.maskedNip ? <span className="nip">{verification.maskedNip}</span> : t('verify.noNip')}</dd>
        <dt>{t('verify.course')}</dt>
        <dd>{verification.courseTitle}</dd>
        <dt>{t('verify.jp')}</dt>
        <dd>{t('verify.jpValue', { jp: formatJp(verification.jp, language) })}</dd>
        <dt>{t('verify.completedOn')}</dt>
        <dd>{formatDay(verification.completedOn, language)}</dd>
        <dt>{t('verify.issuedOn')}</dt>
        <dd>{formatDay(verification.issuedOn, language)}</dd>
        <dt>{t('verify.issuer')}</dt>
        <dd>{verification.issuer.name}</dd>
        <dt>{t('verify.signer')}</dt>
        <dd>
          {verification.signer.name}
          {verification.signer.title && <span className="cell-sub">{verification.signer.title}</span>}
        </dd>
        <dt>{t('verify.number')}</dt>
        <dd>
          <code>{verification.number}</code>
        </dd>
      </dl>
    </div>
  );
}
