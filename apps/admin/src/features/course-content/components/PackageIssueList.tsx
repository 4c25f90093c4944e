import { useTranslation } from 'react-i18next';
import type { TPackageIssue } from '@asah/contracts/content';
import { issueText } from '../package-labels';

/** Errors or warnings of a package report, each translated, with where in the package it was found. */
export function PackageIssueList({ title, issues, tone }: { title: string; issues: TPackageIssue[]; tone: 'error' | 'warning' }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <section className={`issue-list issue-${tone}`} aria-label={title}>
      <h4 className="issue-title">{title}</h4>
      <ul>
        {issues.map((issue, index) => {
          const where = [
            issue.entry && t('content.issueEntry', { entry: issue.entry }),
            issue.itemId && t('content.issueItem', { item: issue.itemId }),
            issue.line !== undefined && t('content.issueLine', { line: issue.line }),
          ].filter(Boolean);
          return (
            <li key={`${issue.code}-${index}`}>
              <span className="issue-text">{issueText(t, issue)}</span>
              {where.length > 0 && <span className="issue-where">{where.join(' · ')}</span>}
              <code className="issue-code">{issue.code}</code>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
