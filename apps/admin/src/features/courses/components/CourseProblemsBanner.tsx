import { useTranslation } from 'react-i18next';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { fieldProblemMessage } from '@asah/ui/errors';

/**
 * A refusal of a course change. COURSE_NOT_PUBLISHABLE lists why (no activities, no required
 * activity, empty selection...): each reason is translated; anything else is an ordinary banner.
 */
export function CourseProblemsBanner({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error, 'COURSE_NOT_PUBLISHABLE') || !Array.isArray(error.details) || error.details.length === 0) {
    return <ErrorBanner error={error} />;
  }
  const problems = error.details.filter(
    (p): p is { code: string; message: string } => typeof p === 'object' && p !== null && typeof p.code === 'string' && typeof p.message === 'string',
  );
  return (
    <div className="banner banner-error" role="alert">
      <div>
        <p className="banner-title">{t('errors.COURSE_NOT_PUBLISHABLE')}</p>
        <ul className="banner-list">
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${index}`}>{fieldProblemMessage(t, problem, ['courses.problems'])}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
