import { useTranslation } from 'react-i18next';
import type { TCertificate } from '@asah/contracts/certificates';
import { Badge } from '@asah/ui/components/Badge';
import { CopyButton } from '@asah/ui/components/CopyButton';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { formatDay, formatInstant, formatJp } from '../format';
import { useCertificateDownload, type CertificateFile } from '../hooks/use-certificates';

/** One certificate of the learner: what it certifies, its status and the three things to do with it. */
export function CertificateCard({ certificate }: { certificate: TCertificate }) {
  const { t, i18n } = useTranslation();
  const download = useCertificateDownload();
  const language = i18n.language;
  const headingId = `cert-${certificate.id}`;
  const busy = (file: CertificateFile) => download.isPending && download.variables?.file === file;
  const revoked = certificate.status === 'revoked';

  return (
    <article className={revoked ? 'card cert-card cert-card-revoked' : 'card cert-card'} aria-labelledby={headingId}>
      <div className="cert-card-head">
        <h2 id={headingId} className="cert-card-title">
          {certificate.course.title}
        </h2>
        <Badge tone={revoked ? 'danger' : 'success'}>{t(`certificates.status.${certificate.status}`)}</Badge>
      </div>
      <dl className="dl cert-facts">
        <dt>{t('certificates.number')}</dt>
        <dd>
          <code>{certificate.number}</code>
        </dd>
        <dt>{t('certificates.jp')}</dt>
        <dd>{t('certificates.jpValue', { jp: formatJp(certificate.jp, language) })}</dd>
        <dt>{t('certificates.completedOn')}</dt>
        <dd>{formatDay(certificate.completedOn, language)}</dd>
        <dt>{t('certificates.issuedOn')}</dt>
        <dd>{formatDay(certificate.issuedOn, language)}</dd>
        <dt>{t('certificates.issuer')}</dt>
        <dd>{certificate.agency.name}</dd>
      </dl>
      {revoked && (
        <div className="banner banner-warning" role="note">
          <p>
            {t('certificates.revokedNote', {
              date: certificate.revokedAt ? formatInstant(certificate.revokedAt, language) : '',
              reason: certificate.revocationReason ?? '',
            })}
          </p>
        </div>
      )}
      {download.isError && <ErrorBanner error={download.error} />}
      <div className="button-row cert-actions">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={download.isPending}
          aria-label={t('certificates.downloadPdfOf', { course: certificate.course.title })}
          onClick={() => download.mutate({ certificate, file: 'pdf' })}
        >
          {busy('pdf') ? t('certificates.downloading') : t('certificates.downloadPdf')}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={download.isPending}
          aria-label={t('certificates.downloadBadgeOf', { course: certificate.course.title })}
          onClick={() => download.mutate({ certificate, file: 'credential' })}
        >
          {busy('credential') ? t('certificates.downloading') : t('certificates.downloadBadge')}
        </button>
        <CopyButton text={certificate.verificationUrl} label={t('certificates.copyLink')} />
        <a className="btn btn-ghost btn-sm" href={certificate.verificationUrl} target="_blank" rel="noreferrer">
          {t('certificates.openVerification')}
        </a>
      </div>
    </article>
  );
}
