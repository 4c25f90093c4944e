/**
 * Every problem this package reports carries a stable code. The portals translate the code
 * (`scorm.<CODE>` in their locale files); the English message is for logs and API users.
 * A code always has the same severity, so a stored report can be re-rendered from codes alone.
 */
export const ISSUE_SEVERITY = {
  // Zip entry safety: the archive is refused before anything is read from it.
  ZIP_PATH_TRAVERSAL: 'error',
  ZIP_ABSOLUTE_PATH: 'error',
  ZIP_BACKSLASH_PATH: 'error',
  ZIP_INVALID_NAME: 'error',
  ZIP_SYMLINK: 'error',
  ZIP_ENCRYPTED: 'error',
  ZIP_TOO_MANY_ENTRIES: 'error',
  ZIP_TOO_LARGE: 'error',
  ZIP_RATIO: 'error',
  ZIP_DUPLICATE_ENTRY: 'error',

  // The manifest (imsmanifest.xml or cmi5.xml) cannot be found or read.
  MANIFEST_MISSING: 'error',
  MANIFEST_AMBIGUOUS: 'error',
  MANIFEST_TOO_LARGE: 'error',
  MANIFEST_UNREADABLE: 'error',
  MANIFEST_DTD: 'error',
  MANIFEST_INVALID: 'error',

  // The manifest parses but describes nothing that can be launched correctly.
  NO_ORGANIZATION: 'error',
  NO_LAUNCHABLE_ITEM: 'error',
  ITEM_RESOURCE_MISSING: 'error',
  RESOURCE_HREF_MISSING: 'error',
  AU_URL_MISSING: 'error',
  LAUNCH_FILE_MISSING: 'error',
  PATH_OUTSIDE_PACKAGE: 'error',

  // The package imports, but the instructor should know.
  MANIFEST_NESTED: 'warning',
  PACKAGE_TYPE_AMBIGUOUS: 'warning',
  MANIFEST_ENCODING: 'warning',
  VERSION_FROM_NAMESPACE: 'warning',
  VERSION_ASSUMED: 'warning',
  SUBMANIFEST_UNSUPPORTED: 'warning',
  UNSUPPORTED_FEATURE: 'warning',
  DEFAULT_ORGANIZATION_MISSING: 'warning',
  ITEM_WITHOUT_RESOURCE: 'warning',
  DEPENDENCY_MISSING: 'warning',
  DUPLICATE_IDENTIFIER: 'warning',
  SEQUENCING_REFERENCE_MISSING: 'warning',
  VALUE_INVALID: 'warning',
  FILE_MISSING: 'warning',
  EXTERNAL_RESOURCE: 'warning',
} as const;

export type PackageIssueCode = keyof typeof ISSUE_SEVERITY;
export type IssueSeverity = 'error' | 'warning';

/** JSON-serialisable: an API can store it as is and show it to an instructor. */
export interface PackageIssue {
  code: PackageIssueCode;
  severity: IssueSeverity;
  /** English, for logs and API users; the portals translate `code` instead. */
  message: string;
  /** Zip entry path concerned (for manifest problems: the manifest's path, or a referenced file). */
  entry?: string;
  itemId?: string;
  resourceId?: string;
  /** 1-based line in the manifest, when known. */
  line?: number;
  details?: Record<string, string | number | boolean | null>;
}

export type IssueContext = Omit<PackageIssue, 'code' | 'severity' | 'message'>;

export function issue(code: PackageIssueCode, message: string, context: IssueContext = {}): PackageIssue {
  return { code, severity: ISSUE_SEVERITY[code], message, ...context };
}

/** Thrown by the parsers when a document cannot be used at all; `issue` is ready to report. */
export class ScormPackageError extends Error {
  readonly issue: PackageIssue;

  constructor(code: PackageIssueCode, message: string, context: IssueContext = {}) {
    super(message);
    this.name = 'ScormPackageError';
    this.issue = issue(code, message, context);
  }

  get code(): PackageIssueCode {
    return this.issue.code;
  }
}
