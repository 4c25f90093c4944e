import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

/** Centred card used by the pages a visitor sees before the app itself: login, forced password change. */
export function AuthLayout({ portalName, children }: { portalName: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-top">
        <LanguageSwitch />
      </div>
      <main className="auth-main" id="main">
        <div className="auth-brand">
          <Logo size={44} />
          <div>
            <p className="auth-product">{t('app.name')}</p>
            <p className="auth-portal">{portalName}</p>
          </div>
        </div>
        <div className="card auth-card">{children}</div>
        <p className="auth-footer">{t('app.tagline')}</p>
      </main>
    </div>
  );
}
