import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import type { TRole } from '@asah/contracts/roles';
import { useLogout, useMe } from '../auth/queries';
import { hasAnyRole } from '../auth/roles';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

export interface NavItem {
  to: string;
  label: string;
  /** Match the path exactly (for the home link). */
  end?: boolean;
  /** Shown only to users holding one of these roles. */
  roles?: readonly TRole[];
  /**
   * Heading of the section the link sits under. A portal whose items name groups gets the side
   * navigation (the admin portal's many pages); without groups the links sit in the header bar.
   */
  group?: string;
}

interface NavSection {
  group: string | null;
  items: NavItem[];
}

/** Consecutive items of one group form a section; the sections keep the order of the items. */
function sections(items: readonly NavItem[]): NavSection[] {
  const out: NavSection[] = [];
  for (const item of items) {
    const group = item.group ?? null;
    const last = out[out.length - 1];
    if (last && last.group === group) last.items.push(item);
    else out.push({ group, items: [item] });
  }
  return out;
}

interface AppShellProps {
  portalName: string;
  nav: readonly NavItem[];
  /** Extra controls in the header, e.g. the admin portal's agency picker. */
  tools?: ReactNode;
  /** Small links under the user's name, e.g. change password. */
  userLinks?: readonly { to: string; label: string }[];
  /** Always visible in the bar, also on phones where the menu folds away: the notification bell. */
  alerts?: ReactNode;
  children: ReactNode;
}

/**
 * Header with product name, navigation, language switch and the signed-in user. One set of
 * elements serves every width: below 900 px the menu (and the side navigation) folds behind a button.
 */
export function AppShell({ portalName, nav, tools, userLinks = [], alerts, children }: AppShellProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const roles = me?.roles ?? [];
  const visibleNav = nav.filter((item) => hasAnyRole(roles, item.roles));
  const sidebar = nav.some((item) => item.group);
  const links = (items: readonly NavItem[]) => (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className="nav-link">
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
  const navigation = sidebar ? (
    <nav id="shell-side" className={menuOpen ? 'shell-side is-open' : 'shell-side'} aria-label={t('shell.mainNav')}>
      {sections(visibleNav).map((section, index) =>
        section.group ? (
          <section key={section.group} className="nav-section" aria-labelledby={`nav-section-${index}`}>
            <h2 id={`nav-section-${index}`} className="nav-section-title">
              {section.group}
            </h2>
            {links(section.items)}
          </section>
        ) : (
          <div key={`ungrouped-${index}`} className="nav-section">
            {links(section.items)}
          </div>
        ),
      )}
    </nav>
  ) : (
    <nav className="shell-nav" aria-label={t('shell.mainNav')}>
      {links(visibleNav)}
    </nav>
  );

  return (
    <div className={sidebar ? 'shell has-sidebar' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="shell-header">
        <div className={alerts ? 'shell-bar has-alerts' : 'shell-bar'}>
          <Link to="/" className="brand">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-portal">{portalName}</span>
          </Link>
          {alerts && <div className="shell-alerts">{alerts}</div>}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls={sidebar ? 'shell-menu shell-side' : 'shell-menu'}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
              {menuOpen ? (
                <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              ) : (
                <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              )}
            </svg>
            <span>{t('shell.menu')}</span>
          </button>
          <div id="shell-menu" className={menuOpen ? 'shell-menu is-open' : 'shell-menu'}>
            {!sidebar && navigation}
            <div className="shell-tools">
              {tools}
              <LanguageSwitch />
              {me && (
                <div className="user-box" aria-label={t('shell.userMenu')} role="group">
                  <div className="user-info">
                    <span className="user-name">{me.name}</span>
                    <span className="user-meta">
                      {me.roles.map((role) => t(`roles.${role}`)).join(', ')}
                      {userLinks.map((link) => (
                        <Link key={link.to} to={link.to} className="user-link">
                          {link.label}
                        </Link>
                      ))}
                    </span>
                  </div>
                  <button
                    type="button"
                    className="btn btn-secondary btn-sm"
                    onClick={() => logout.mutate()}
                    disabled={logout.isPending}
                  >
                    {t('shell.logout')}
                  </button>
                </div>
              )}
            </div>
          </div>
        </div>
      </header>
      {sidebar ? (
        <div className="shell-frame">
          {navigation}
          <main id="main" className="shell-main" tabIndex={-1}>
            {children}
          </main>
        </div>
      ) : (
        <main id="main" className="shell-main" tabIndex={-1}>
          {children}
        </main>
      )}
    </div>
  );
}
