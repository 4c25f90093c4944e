import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourseDetail } from '@asah/contracts/courses';
import { Badge } from '@asah/ui/components/Badge';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Modal } from '@asah/ui/components/Modal';
import { useInstructorCandidates, useSetInstructors } from '../hooks/use-instructors';

/** Who teaches the course. Agency admins (and platform admins) pick among the agency's instructors. */
export function CourseInstructors({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (course.agencyId === null) return <p className="muted">{t('courses.platformNoInstructors')}</p>;
  return (
    <>
      {course.instructors.length === 0 ? (
        <p className="muted">{t('courses.noInstructors')}</p>
      ) : (
        <ul className="people-list">
          {course.instructors.map((person) => (
            <li key={person.id}>
              <span className="cell-strong">{person.name}</span>
              <span className="cell-sub">{person.email}</span>
              {!person.active && <Badge tone="danger">{t('status.inactive')}</Badge>}
            </li>
          ))}
        </ul>
      )}
      {course.can.assignInstructors && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(true)}>
          {t('courses.assignInstructors')}
        </button>
      )}
      <Modal open={editing} title={t('courses.assignInstructorsTitle')} onClose={() => setEditing(false)}>
        <InstructorPicker course={course} onClose={() => setEditing(false)} />
      </Modal>
    </>
  );
}

function InstructorPicker({ course, onClose }: { course: TCourseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const candidates = useInstructorCandidates(course.agencyId, true);
  const save = useSetInstructors(course.id);
  const [chosen, setChosen] = useState<string[]>(course.instructors.map((person) => person.id));
  const toggle = (id: string, on: boolean) => setChosen((current) => (on ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id)));

  return (
    <div className="form-stack">
      {save.isError && <ErrorBanner error={save.error} />}
      {candidates.isError && <ErrorBanner error={candidates.error} onRetry={() => void candidates.refetch()} />}
      {candidates.isPending && <LoadingState />}
      {candidates.data && candidates.data.items.length === 0 && <p className="muted">{t('courses.noInstructorCandidates')}</p>}
      {candidates.data && candidates.data.items.length > 0 && (
        <fieldset className="field fieldset">
          <legend className="field-label">{t('courses.instructorCandidates')}</legend>
          <div className="checkbox-stack">
            {candidates.data.items.map((user) => (
              <Checkbox
                key={user.id}
                checked={chosen.includes(user.id)}
                onChange={(event) => toggle(user.id, event.target.checked)}
                label={
                  <>
                    {user.name} <span className="muted">· {user.email}</span>
                  </>
                }
              />
            ))}
          </div>
        </fieldset>
      )}
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={save.isPending || !candidates.data} onClick={() => save.mutate(chosen, { onSuccess: onClose })}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </div>
  );
}
