import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCourseDetail } from '@asah/contracts/courses';
import type { TBulkEnrolRow, TEnrolmentRow } from '@asah/contracts/enrolments';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Pagination } from '@asah/ui/components/Pagination';
import { useClampPage } from '../../../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';
import { useCohorts } from '../../cohorts/hooks/use-cohorts';
import { useCourseEnrolments } from '../hooks/use-enrolments';
import { useIsAdmin } from '../hooks/use-is-admin';
import { useUnitTree } from '../hooks/use-unit-tree';
import { CompleteDialog } from './CompleteDialog';
import { EnrolmentFilters, ENROLMENT_FILTER_KEYS, toEnrolmentQuery } from './EnrolmentFilters';
import { EnrolmentsTable } from './EnrolmentsTable';
import { EnrolOneDialog } from './EnrolOneDialog';
import { OutcomeBanner } from './OutcomeBanner';
import { WithdrawDialog } from './WithdrawDialog';

const PAGE_SIZE = 25;

/** "Peserta": everyone enrolled in the course, with status and deadline; admins enrol, unenrol and complete. */
export function ParticipantsTab({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const units = useUnitTree(isAdmin);
  const cohorts = useCohorts(course.id);
  const { values, page, update } = useListParams(ENROLMENT_FILTER_KEYS);
  const enrolments = useCourseEnrolments(course.id, toEnrolmentQuery(values, page, PAGE_SIZE));
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(enrolments.data?.total, PAGE_SIZE, page, goToPage);
  const [withdrawing, setWithdrawing] = useState<TEnrolmentRow | null>(null);
  const [completing, setCompleting] = useState<TEnrolmentRow | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [outcome, setOutcome] = useState<TBulkEnrolRow | null>(null);
  const filtered = ENROLMENT_FILTER_KEYS.some((key) => values[key] !== '');

  return (
    <>
      {isAdmin && (
        <div className="toolbar">
          <button type="button" className="btn btn-primary" onClick={() => setEnrolling(true)}>
            {t('enrolments.enrolOne')}
          </button>
          <Link to={`/kursus/${course.id}/peserta/massal`} className="btn btn-secondary">
            {t('bulk.open')}
          </Link>
        </div>
      )}
      {outcome && <OutcomeBanner row={outcome} />}
      <EnrolmentFilters values={values} onChange={update} cohorts={cohorts.data ?? []} units={units} />
      {enrolments.isError && <ErrorBanner error={enrolments.error} onRetry={() => void enrolments.refetch()} />}
      {enrolments.isPending && <LoadingState />}
      {enrolments.data && enrolments.data.total === 0 && (
        <EmptyState
          title={filtered ? t('enrolments.noMatch') : t('enrolments.emptyTitle')}
          description={<p>{filtered ? t('common.tryOtherFilters') : t('enrolments.emptyBody')}</p>}
        />
      )}
      {enrolments.data && enrolments.data.total > 0 && (
        <>
          <p className="muted" data-testid="enrolment-total">
            {t('enrolments.total', { count: enrolments.data.total })}
          </p>
          <EnrolmentsTable
            rows={enrolments.data.items}
            busy={enrolments.isPlaceholderData}
            canManage={isAdmin}
            onWithdraw={setWithdrawing}
            onComplete={setCompleting}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={enrolments.data.total} onPageChange={goToPage} />
        </>
      )}
      <WithdrawDialog row={withdrawing} onClose={() => setWithdrawing(null)} />
      <CompleteDialog row={completing} onClose={() => setCompleting(null)} />
      <EnrolOneDialog
        open={enrolling}
        courseId={course.id}
        cohorts={cohorts.data ?? []}
        onClose={() => setEnrolling(false)}
        onDone={setOutcome}
      />
    </>
  );
}
