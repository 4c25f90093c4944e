import { useTranslation } from 'react-i18next';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { CertificatesNav } from '../features/certificates/components/CertificatesNav';
import { NumberingSettings } from '../features/certificates/components/NumberingSettings';
import '../features/certificates/certificates.css';

export function CertificateNumberingRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('certificates.numbering.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('certificates.title')} description={t('certificates.numbering.description')} />
      <CertificatesNav />
      <AgencyRequired>
        <NumberingSettings />
      </AgencyRequired>
    </>
  );
}
