import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LanguageSwitch } from '@asah/ui/components/LanguageSwitch';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Logo } from '@asah/ui/components/Logo';
import { useVerification } from '../hooks/use-certificates';
import { VerificationResult } from './VerificationResult';
import '../certificates.css';

/**
 * The public page a certificate's QR code opens: no login, no portal navigation, readable on a phone.
 */
export function VerifyPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const verification = useVerification(code);
  return (
    <div className="auth-page verify-page">
      <div className="auth-top">
        <LanguageSwitch />
      </div>
      <main className="verify-main" id="main">
        <div className="auth-brand">
          <Logo size={40} />
          <div>
            <p className="auth-product">{t('app.name')}</p>
            <p className="auth-portal">{t('verify.kicker')}</p>
          </div>
        </div>
        <div className="card verify-card">
          <h1 className="verify-title">{t('verify.title')}</h1>
          {verification.isPending && <LoadingState />}
          {verification.isError && <ErrorBanner error={verification.error} onRetry={() => void verification.refetch()} />}
          {verification.data === null && (
            <div className="verify-status verify-unknown" role="status" data-testid="verify-status">
              <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2.2" />
                <path d="M12 7.5v6M12 16.5v.5" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
              </svg>
              <div>
                <p className="verify-status-title">{t('verify.unknownTitle')}</p>
                <p className="verify-status-text">{t('verify.unknownBody')}</p>
                <p className="verify-code">
                  {t('verify.code')}: <code>{code}</code>
                </p>
              </div>
            </div>
          )}
          {verification.data && <VerificationResult verification={verification.data} />}
        </div>
        {verification.data && <p className="auth-footer">{t('verify.footer')}</p>}
      </main>
    </div>
  );
}
