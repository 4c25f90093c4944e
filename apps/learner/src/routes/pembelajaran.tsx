import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMyEnrolment } from '@asah/contracts/enrolments';
import type { TCourseProgress } from '@asah/contracts/tracking';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { SessionList } from '../features/course/components/SessionList';
import { useAllProgress } from '../features/course/hooks/use-course-progress';
import { JpSummaryCard } from '../features/jp/components/JpSummaryCard';
import { useMyJp } from '../features/jp/hooks/use-jp';
import { EnrolmentCard } from '../features/learning/components/EnrolmentCard';
import { MyLearningEmpty } from '../features/learning/components/MyLearningEmpty';
import { useMyEnrolments, useMySessions } from '../features/learning/hooks/use-my-enrolments';
import '../features/learning/learning.css';

export function MyLearningRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('learning.title'), t('portal.name'));
  const current = useMyEnrolments({ show: 'current', pageSize: 100 });
  const completed = useMyEnrolments({ show: 'completed', pageSize: 100 });
  const progress = useAllProgress();
  const jp = useMyJp();
  const sessions = useMySessions();
  const byCourse = new Map((progress.data ?? []).map((p) => [p.courseId, p]));

  const currentItems = current.data?.items ?? [];
  const requested = currentItems.filter((e) => e.status === 'requested' || e.status === 'waitlisted');
  const underWay = currentItems.filter((e) => e.status === 'approved' || e.status === 'active');
  const done = completed.data?.items ?? [];
  const upcoming = (sessions.data?.items ?? []).filter((s) => !s.present).slice(0, 5);
  const nothing = current.data && completed.data && currentItems.length === 0 && done.length === 0;

  return (
    <>
      <PageHeader
        title={t('learning.title')}
        description={t('learning.description')}
        actions={
          <Link to="/katalog" className="btn btn-secondary">
            {t('learning.browseCatalogue')}
          </Link>
        }
      />
      {jp.data && <JpSummaryCard summary={jp.data} current />}
      {jp.isError && <ErrorBanner error={jp.error} onRetry={() => void jp.refetch()} />}
      {(current.isError || completed.isError) && <ErrorBanner error={current.error ?? completed.error} onRetry={() => void current.refetch()} />}
      {(current.isPending || completed.isPending) && <LoadingState />}
      {nothing && <MyLearningEmpty />}
      <Group title={t('learning.underWay')} items={underWay} byCourse={byCourse} />
      {upcoming.length > 0 && (
        <section aria-labelledby="learning-sessions">
          <h2 id="learning-sessions" className="section-title">
            {t('learning.upcomingSessions')}
          </h2>
          <div className="card">
            <SessionList sessions={upcoming} showCourse />
          </div>
        </section>
      )}
      <Group title={t('learning.awaiting')} items={requested} byCourse={byCourse} />
      <Group title={t('learning.completed')} items={done} byCourse={byCourse} />
    </>
  );
}

function Group({ title, items, byCourse }: { title: string; items: readonly TMyEnrolment[]; byCourse: Map<string, TCourseProgress> }) {
  if (items.length === 0) return null;
  const id = `learning-${title.replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title} ({items.length})
      </h2>
      <ul className="enrolment-list">
        {items.map((enrolment) => (
          <EnrolmentCard key={enrolment.id} enrolment={enrolment} progress={byCourse.get(enrolment.courseId)} />
        ))}
      </ul>
    </section>
  );
}
