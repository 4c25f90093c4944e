import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_HTML_MAX, type TCourseActivity } from '@asah/contracts/courses';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { RichTextEditor } from '@asah/ui/components/RichTextEditor';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { useUpdateActivity } from '../../course-structure/hooks/use-course-structure';

type PageActivity = Extract<TCourseActivity, { type: 'page' }>;

/** The text of a page activity. What comes back is the API's sanitised version, shown as saved. */
export function PageContentEditor({ courseId, activity, readOnly }: { courseId: string; activity: PageActivity; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateActivity(courseId);
  const [html, setHtml] = useState(activity.settings.html);
  const [saved, setSaved] = useState(false);
  const tooLong = html.length > PAGE_HTML_MAX;
  const dirty = html !== activity.settings.html;

  const save = () => {
    setSaved(false);
    update.mutate(
      { activityId: activity.id, body: { settings: { html } } },
      {
        onSuccess: (next) => {
          if (next.type === 'page') setHtml(next.settings.html);
          setSaved(true);
        },
      },
    );
  };

  return (
    <div className="form-stack">
      {update.isError && <ErrorBanner error={update.error} />}
      <RichTextEditor
        label={t('activities.pageText')}
        hint={t('activities.pageTextHint')}
        value={html}
        disabled={readOnly}
        error={tooLong ? t('activities.pageTooLong') : undefined}
        onChange={(next) => {
          setHtml(next);
          setSaved(false);
        }}
      />
      {saved && !dirty && <SuccessBanner>{t('activities.pageSaved')}</SuccessBanner>}
      {!readOnly && (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" disabled={update.isPending || tooLong || !dirty} onClick={save}>
            {update.isPending ? t('common.saving') : t('activities.savePage')}
          </button>
          {dirty && <span className="muted">{t('courses.unsavedChanges')}</span>}
        </div>
      )}
    </div>
  );
}
