import { useTranslation } from 'react-i18next';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { SelectField } from '@asah/ui/components/SelectField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { EnrolmentRequests } from '../features/approvals/components/EnrolmentRequests';
import { DevelopmentLogRequests } from '../features/development-logs/components/DevelopmentLogRequests';
import { useListParams } from '@asah/ui/use-list-params';

export function ApprovalsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('approvals.title'), t('portal.name'));
  const { values, update } = useListParams(['tampil'] as const);
  const state = values.tampil === 'diputuskan' ? 'decided' : 'pending';
  return (
    <>
      <PageHeader title={t('approvals.title')} description={t('approvals.description')} />
      <div className="toolbar">
        <SelectField label={t('approvals.show')} name="tampil" value={values.tampil} onChange={(e) => update({ tampil: e.target.value })}>
          <option value="">{t('approvals.pending')}</option>
          <option value="diputuskan">{t('approvals.decided')}</option>
        </SelectField>
      </div>
      <div className="editor-stack">
        <section className="card" aria-labelledby="approvals-enrolments">
          <h2 id="approvals-enrolments" className="card-title">
            {t('approvals.enrolmentsTitle')}
          </h2>
          <EnrolmentRequests key={state} state={state} />
        </section>
        <section className="card" aria-labelledby="approvals-logs">
          <h2 id="approvals-logs" className="card-title">
            {t('approvals.logsTitle')}
          </h2>
          <DevelopmentLogRequests key={state} state={state} />
        </section>
      </div>
    </>
  );
}
