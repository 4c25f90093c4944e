import { useTranslation } from 'react-i18next';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { EnrolmentRequests, LogRequests } from '../features/approvals/components/ApprovalLists';
import '../features/learning/learning.css';
import { useListParams } from '@asah/ui/use-list-params';

/** Unit heads (ordinary employees) decide their units' enrolment requests and development logs here. */
export function ApprovalsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('approvals.title'), t('portal.name'));
  const { values, update } = useListParams(['tampil'] as const);
  const state = values.tampil === 'diputuskan' ? 'decided' : 'pending';
  return (
    <>
      <PageHeader title={t('approvals.title')} description={t('approvals.description')} />
      <div className="toolbar" role="group" aria-label={t('approvals.show')}>
        <button type="button" className={state === 'pending' ? 'btn btn-primary btn-sm' : 'btn btn-secondary btn-sm'} aria-pressed={state === 'pending'} onClick={() => update({ tampil: null })}>
          {t('approvals.pending')}
        </button>
        <button type="button" className={state === 'decided' ? 'btn btn-primary btn-sm' : 'btn btn-secondary btn-sm'} aria-pressed={state === 'decided'} onClick={() => update({ tampil: 'diputuskan' })}>
          {t('approvals.decided')}
        </button>
      </div>
      <div className="editor-stack">
        <EnrolmentRequests state={state} />
        <LogRequests state={state} />
      </div>
    </>
  );
}
