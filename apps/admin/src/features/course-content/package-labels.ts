import type { TFunction } from 'i18next';
import type { TPackageIssue, TPackageReport } from '@asah/contracts/content';

/** "SCORM 2004 edisi ke-3", "SCORM 1.2", "cmi5" in the reader's language. */
export function standardText(t: TFunction, report: Pick<TPackageReport, 'standard' | 'edition'>): string {
  if (report.standard === 'scorm2004') {
    return report.edition ? t('content.standards.scorm2004Edition', { edition: t(`content.editions.${report.edition}`) }) : t('content.standards.scorm2004');
  }
  if (report.standard) return t(`content.standards.${report.standard}`);
  return t('content.standards.unknown');
}

/** The translated sentence of a package issue; the server's English when the code is new to this portal. */
export function issueText(t: TFunction, issue: TPackageIssue): string {
  return t(`scorm.${issue.code}`, { defaultValue: issue.message });
}
