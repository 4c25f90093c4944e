import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TCourseDetail } from '@asah/contracts/courses';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { DeleteDialog } from '@asah/ui/components/DeleteDialog';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { useCourseStatus, useDeleteCourse, type CourseStatusAction } from '../hooks/use-courses';
import { CourseProblemsBanner } from './CourseProblemsBanner';

/** Publish, archive, un-archive and delete: only the buttons the API's `can` allows are shown. */
export function CourseStatusActions({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useCourseStatus(course.id);
  const remove = useDeleteCourse();
  const [confirming, setConfirming] = useState<CourseStatusAction | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [done, setDone] = useState<CourseStatusAction | null>(null);

  const run = (action: CourseStatusAction) => {
    setDone(null);
    status.mutate(action, {
      onSuccess: () => {
        setConfirming(null);
        setDone(action);
      },
    });
  };

  return (
    <div className="status-actions">
      <div className="button-row">
        {course.can.publish && (
          <button type="button" className="btn btn-primary" disabled={status.isPending} onClick={() => run('publish')}>
            {t('courses.publish')}
          </button>
        )}
        {course.can.unarchive && (
          <button type="button" className="btn btn-primary" disabled={status.isPending} onClick={() => setConfirming('unarchive')}>
            {t('courses.unarchive')}
          </button>
        )}
        {course.can.archive && (
          <button type="button" className="btn btn-secondary" disabled={status.isPending} onClick={() => setConfirming('archive')}>
            {t('courses.archive')}
          </button>
        )}
        {course.can.delete && (
          <button type="button" className="btn btn-link-danger" onClick={() => setDeleting(true)}>
            {t('courses.delete')}
          </button>
        )}
      </div>
      {status.isError && !confirming && <CourseProblemsBanner error={status.error} />}
      {done && <SuccessBanner>{t(`courses.statusDone.${done}`)}</SuccessBanner>}
      {confirming && (
        <ConfirmDialog
          open
          title={t(`courses.confirm.${confirming}Title`)}
          confirmLabel={t(`courses.${confirming}`)}
          pending={status.isPending}
          error={status.error}
          onClose={() => {
            status.reset();
            setConfirming(null);
          }}
          onConfirm={() => run(confirming)}
        >
          <p>{t(`courses.confirm.${confirming}Body`, { title: course.title })}</p>
        </ConfirmDialog>
      )}
      <DeleteDialog
        item={deleting ? course : null}
        title={t('courses.deleteTitle')}
        body={(c) => <p>{t('courses.deleteBody', { title: c.title })}</p>}
        mutation={remove}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate('/kursus', { replace: true })}
      />
    </div>
  );
}
