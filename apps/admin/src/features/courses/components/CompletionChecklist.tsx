import { useTranslation } from 'react-i18next';
import type { TCourseSection } from '@asah/contracts/courses';
import { Checkbox } from '@asah/ui/components/Checkbox';

interface CompletionChecklistProps {
  sections: readonly TCourseSection[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
  disabled?: boolean;
}

/** "Chosen activities" completion: every activity of the course, grouped by module, to tick. */
export function CompletionChecklist({ sections, value, onChange, error, disabled }: CompletionChecklistProps) {
  const { t } = useTranslation();
  const activities = sections.flatMap((section) => section.activities);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset className={error ? 'field fieldset completion-list field-invalid' : 'field fieldset completion-list'}>
      <legend className="field-label">{t('courses.completionActivities')}</legend>
      {activities.length === 0 ? (
        <p className="muted">{t('courses.completionNoActivities')}</p>
      ) : (
        sections
          .filter((section) => section.activities.length > 0)
          .map((section) => (
            <div key={section.id} className="completion-group">
              <p className="completion-group-title">{section.title}</p>
              <div className="checkbox-stack">
                {section.activities.map((activity) => (
                  <Checkbox
                    key={activity.id}
                    label={activity.title}
                    checked={value.includes(activity.id)}
                    disabled={disabled}
                    onChange={(event) => toggle(activity.id, event.target.checked)}
                  />
                ))}
              </div>
            </div>
          ))
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
