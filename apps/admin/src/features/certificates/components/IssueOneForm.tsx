import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCertificate } from '@asah/contracts/certificates';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Nip } from '@asah/ui/components/Nip';
import { SearchField } from '@asah/ui/components/SearchField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { useIssueCertificate } from '../hooks/use-certificates';
import { useLearnerSearch } from '../hooks/use-issue-choices';

/** Manual issuing for one learner, found by name or NIP. */
export function IssueOneForm({ courseId, templateId }: { courseId: string; templateId: string | undefined }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const learners = useLearnerSearch(q);
  const issue = useIssueCertificate();
  const [issued, setIssued] = useState<TCertificate | null>(null);

  return (
    <section className="card" aria-labelledby="issue-one-title">
      <h2 id="issue-one-title" className="card-title">
        {t('certificates.issue.oneTitle')}
      </h2>
      <p className="muted">{t('certificates.issue.oneBody')}</p>
      <div className="form-stack">
        <SearchField
          label={t('certificates.issue.findLearner')}
          value={q}
          onChange={(value) => {
            setQ(value);
            setUserId(null);
          }}
          placeholder={t('certificates.issue.findLearnerPlaceholder')}
        />
        {learners.data && learners.data.items.length === 0 && <p className="muted">{t('certificates.issue.noLearner')}</p>}
        {learners.data && learners.data.items.length > 0 && (
          <fieldset className="fieldset">
            <legend className="sr-only">{t('certificates.issue.pickLearner')}</legend>
            <ul className="person-results">
              {learners.data.items.map((user) => (
                <li key={user.id}>
                  <label className="radio">
                    <input type="radio" name="learner" value={user.id} checked={userId === user.id} onChange={() => setUserId(user.id)} />
                    <span>
                      <span className="cell-strong">{user.name}</span> <Nip value={user.nip} />
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {issue.isError && <ErrorBanner error={issue.error} />}
        {issued && <SuccessBanner>{t('certificates.issue.oneDone', { number: issued.number, name: issued.holder.name })}</SuccessBanner>}
        <div>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!userId || issue.isPending}
            onClick={() =>
              userId &&
              issue.mutate(
                { courseId, userId, templateId },
                {
                  onSuccess: (certificate) => {
                    setIssued(certificate);
                    setUserId(null);
                  },
                },
              )
            }
          >
            {issue.isPending ? t('certificates.issue.issuing') : t('certificates.issue.oneSubmit')}
          </button>
        </div>
      </div>
    </section>
  );
}
