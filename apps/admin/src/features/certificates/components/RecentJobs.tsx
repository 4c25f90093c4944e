import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { useRecentJobs } from '../hooks/use-certificates';

export function RecentJobs() {
  const { t, i18n } = useTranslation();
  const jobs = useRecentJobs();
  if (!jobs.data || jobs.data.total === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-jobs-title">
      <h2 id="recent-jobs-title" className="card-title">
        {t('certificates.job.recentTitle')}
      </h2>
      <DataTable
        caption={t('certificates.job.recentTitle')}
        className="table-compact"
        rows={jobs.data.items}
        rowKey={(job) => job.id}
        columns={[
          {
            id: 'course',
            header: t('certificates.list.course'),
            className: 'col-wide',
            cell: (job) => <Link to={`/sertifikat/tugas/${job.id}`}>{job.course.title}</Link>,
          },
          { id: 'status', header: t('common.status'), cell: (job) => <Badge>{t(`certificates.job.status.${job.status}`)}</Badge> },
          { id: 'progress', header: t('certificates.job.progressLabel'), className: 'num', cell: (job) => `${job.processed} / ${job.total}` },
          {
            id: 'created',
            header: t('certificates.job.createdAt'),
            className: 'nowrap',
            cell: (job) => new Date(job.createdAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
          },
        ]}
      />
    </section>
  );
}
