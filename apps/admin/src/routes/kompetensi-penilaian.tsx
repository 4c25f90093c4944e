import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { AssessmentEntryForm } from '../features/competency/components/AssessmentEntryForm';
import { AssessmentHistory } from '../features/competency/components/AssessmentHistory';
import { AssessmentImport } from '../features/competency/components/AssessmentImport';
import { EmployeeProfileTable } from '../features/competency/components/EmployeeProfileTable';
import { EmployeePicker, type PickedEmployee } from '../features/competency/components/EmployeePicker';
import { FlaggedEvidence } from '../features/competency/components/FlaggedEvidence';
import '../features/competency/competency.css';

export function AssessmentsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.assessments.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('competency.assessments.title')} description={t('competency.assessments.description')} />
      <AgencyRequired>
        <div className="stack">
          <AssessmentImport />
          <FlaggedEvidence />
          <EmployeeAssessments />
        </div>
      </AgencyRequired>
    </>
  );
}

/** Pick an employee, then enter a result for them and see their history below it. */
function EmployeeAssessments() {
  const { t } = useTranslation();
  const [employee, setEmployee] = useState<PickedEmployee | null>(null);
  return (
    <section className="card stack" aria-labelledby="assessment-employee-title">
      <h2 id="assessment-employee-title" className="card-title">
        {t('competency.assessments.perEmployee')}
      </h2>
      <EmployeePicker label={t('competency.assessments.employee')} value={employee} onChange={setEmployee} />
      {employee && (
        <>
          <h3>{t('competency.assessments.profileTitle')}</h3>
          <EmployeeProfileTable userId={employee.id} name={employee.name} />
          <h3>{t('competency.assessments.entryTitle')}</h3>
          <AssessmentEntryForm userId={employee.id} />
          <h3>{t('competency.assessments.historyTitle')}</h3>
          <AssessmentHistory userId={employee.id} name={employee.name} />
        </>
      )}
    </section>
  );
}
