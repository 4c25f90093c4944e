import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../certificates.css';

/** The certificate pages as tabs: issued certificates, templates, issuing, numbering. */
export function CertificatesNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/sertifikat', label: t('certificates.tabs.list'), end: true },
    { to: '/sertifikat/templat', label: t('certificates.tabs.templates') },
    { to: '/sertifikat/terbitkan', label: t('certificates.tabs.issue') },
    { to: '/sertifikat/penomoran', label: t('certificates.tabs.numbering') },
  ];
  return (
    <nav className="cert-tabs" aria-label={t('certificates.tabs.label')}>
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} className="cert-tab">
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
