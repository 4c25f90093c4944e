import { flattenAus, flattenBlocks, parseCmi5, type Cmi5Course } from './cmi5';
import { issue, ScormPackageError, type PackageIssue } from './issues';
import {
  defaultOrganization,
  flattenItems,
  launchableItems,
  parseManifest,
  type Scorm2004Edition,
  type ScormManifest,
  type ScormStandard,
} from './manifest';
import { entryNameOf } from './package-paths';
import { checkZipEntries, type ZipEntryInfo, type ZipLimits } from './zip-safety';

/**
 * What an instructor sees after uploading a package, and what the API stores as JSON.
 * `accepted` is false as soon as there is one error; warnings never block an import.
 */
export interface PackageReport {
  reportVersion: 1;
  accepted: boolean;
  packageType: 'scorm' | 'cmi5' | null;
  standard: ScormStandard | 'cmi5' | null;
  edition: Scorm2004Edition | null;
  /** English label such as "SCORM 2004 3rd Edition" or "cmi5"; portals may build their own from standard + edition. */
  standardLabel: string | null;
  /** Zip entry of imsmanifest.xml or cmi5.xml. */
  manifestPath: string | null;
  /** Folder holding the manifest: `''` at the root, `'Course/'` when nested; launch hrefs already include it. */
  basePath: string;
  identifier: string | null;
  title: string | null;
  counts: PackageCounts;
  /** What learners launch, in delivery order (SCORM: the default organization). */
  launchPages: LaunchPage[];
  /** SCORM 2004 sequencing is present (organization, item or collection). */
  hasSequencing: boolean;
  errors: PackageIssue[];
  warnings: PackageIssue[];
  /** Issues left out beyond `MAX_ISSUES_PER_LIST` per list, to keep the report small. */
  omittedIssueCount: number;
}

export interface PackageCounts {
  entries: number;
  files: number;
  totalUncompressedBytes: number;
  organizations: number;
  /** Items of the default organization, aggregations included. */
  items: number;
  scos: number;
  /** Resources marked `asset`, or with no scormtype. */
  assets: number;
  aus: number;
  blocks: number;
}

export interface LaunchPage {
  /** SCORM item identifier or cmi5 AU id. */
  itemId: string;
  title: string;
  /** URL relative to the zip root (base path included), query kept; or an absolute URL when external. */
  href: string;
  /** The zip entry the page loads (decoded, no query); `null` when external. */
  entry: string | null;
  type: 'sco' | 'asset' | 'au';
  external: boolean;
}

export type ParsedPackage = { kind: 'scorm'; manifest: ScormManifest } | { kind: 'cmi5'; course: Cmi5Course };

export interface PackageInspection {
  report: PackageReport;
  /** The parsed manifest, for the import to store; `null` when it could not be read. */
  content: ParsedPackage | null;
}

export interface PackageLimits extends ZipLimits {
  maxManifestBytes: number;
}

export interface InspectPackageInput {
  /** Every entry of the zip's central directory. */
  entries: readonly ZipEntryInfo[];
  /** Reads one entry; called at most once, for the manifest, and only when the entry list is safe. */
  readEntry(name: string): Promise<string | Uint8Array>;
  limits?: Partial<PackageLimits>;
}

export const MAX_ISSUES_PER_LIST = 100;
const DEFAULT_MAX_MANIFEST_BYTES = 10 * 1024 * 1024;

export async function inspectPackage(input: InspectPackageInput): Promise<PackageInspection> {
  const report = emptyReport(input.entries);
  const issues: PackageIssue[] = [];
  const finish = (content: ParsedPackage | null): PackageInspection => ({ report: finishReport(report, issues), content });

  const zip = checkZipEntries(input.entries, input.limits);
  report.counts.files = zip.fileCount;
  report.counts.totalUncompressedBytes = zip.totalUncompressedBytes;
  issues.push(...zip.errors);
  if (!zip.ok) return finish(null);

  const located = locateManifest(input.entries);
  issues.push(...located.issues);
  const location = located.location;
  if (!location) return finish(null);
  Object.assign(report, { packageType: location.kind, manifestPath: location.entry.name, basePath: location.basePath });

  const maxManifestBytes = input.limits?.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
  if (location.entry.uncompressedSize > maxManifestBytes) {
    issues.push(
      issue('MANIFEST_TOO_LARGE', `${location.entry.name} is ${location.entry.uncompressedSize} bytes; at most ${maxManifestBytes} are accepted`, {
        entry: location.entry.name,
        details: { bytes: location.entry.uncompressedSize, limit: maxManifestBytes },
      }),
    );
    return finish(null);
  }

  let source: string | Uint8Array;
  try {
    source = await input.readEntry(location.entry.name);
  } catch (error) {
    issues.push(
      issue('MANIFEST_UNREADABLE', `${location.entry.name} could not be read from the zip: ${(error as Error).message}`, {
        entry: location.entry.name,
      }),
    );
    return finish(null);
  }

  const files = new EntryIndex(input.entries);
  try {
    if (location.kind === 'scorm') {
      const { manifest, issues: parseIssues } = parseManifest(source);
      issues.push(...parseIssues.map((i) => ({ ...i, entry: i.entry ?? location.entry.name })));
      describeScorm(report, manifest, files, issues);
      return finish({ kind: 'scorm', manifest });
    }
    const { course, issues: parseIssues } = parseCmi5(source);
    issues.push(...parseIssues.map((i) => ({ ...i, entry: i.entry ?? location.entry.name })));
    describeCmi5(report, course, files, issues);
    return finish({ kind: 'cmi5', course });
  } catch (error) {
    if (!(error instanceof ScormPackageError)) throw error;
    issues.push({ ...error.issue, entry: location.entry.name });
    return finish(null);
  }
}

export interface ManifestLocation {
  kind: 'scorm' | 'cmi5';
  entry: ZipEntryInfo;
  /** `''` or the top-level folder with its trailing slash. */
  basePath: string;
}

const MANIFEST_NAMES: Record<string, 'scorm' | 'cmi5'> = { 'imsmanifest.xml': 'scorm', 'cmi5.xml': 'cmi5' };

/**
 * Finds imsmanifest.xml or cmi5.xml at the root; failing that, in exactly one top-level folder
 * (people zip the folder instead of its content), which is accepted with `MANIFEST_NESTED`.
 */
export function locateManifest(entries: readonly ZipEntryInfo[]): { location: ManifestLocation | null; issues: PackageIssue[] } {
  const candidates = entries
    .filter((e) => !e.isDirectory && !isJunk(e.name))
    .flatMap((entry) => {
      const segments = entry.name.split('/');
      const kind = MANIFEST_NAMES[segments[segments.length - 1]!.toLowerCase()];
      return kind ? [{ kind, entry, depth: segments.length - 1, folder: segments.slice(0, -1).join('/') }] : [];
    });
  const pick = (depth: number) => {
    const found = candidates.filter((c) => c.depth === depth);
    return found.find((c) => c.kind === 'scorm') ?? found[0];
  };

  const issues: PackageIssue[] = [];
  const atRoot = pick(0);
  if (atRoot) {
    if (candidates.some((c) => c.depth === 0 && c.kind !== atRoot.kind)) {
      issues.push(
        issue('PACKAGE_TYPE_AMBIGUOUS', 'the package has both imsmanifest.xml and cmi5.xml; it is imported as SCORM', {
          entry: atRoot.entry.name,
        }),
      );
    }
    return { location: { kind: atRoot.kind, entry: atRoot.entry, basePath: '' }, issues };
  }

  const folders = [...new Set(candidates.filter((c) => c.depth === 1).map((c) => c.folder))];
  if (folders.length > 1) {
    issues.push(
      issue('MANIFEST_AMBIGUOUS', `manifests were found in several folders (${folders.join(', ')}); upload one course per zip`, {
        details: { folders: folders.join(', ') },
      }),
    );
    return { location: null, issues };
  }
  const nested = pick(1);
  if (nested) {
    const basePath = `${nested.folder}/`;
    issues.push(
      issue('MANIFEST_NESTED', `the manifest is in the folder "${nested.folder}" instead of the zip root; that folder is used as the package root`, {
        entry: nested.entry.name,
        details: { basePath },
      }),
    );
    return { location: { kind: nested.kind, entry: nested.entry, basePath }, issues };
  }

  const deeper = candidates[0];
  issues.push(
    issue(
      'MANIFEST_MISSING',
      deeper
        ? `imsmanifest.xml or cmi5.xml must be at the zip root; found only ${deeper.entry.name}, which is nested too deep`
        : 'the zip has no imsmanifest.xml (SCORM) or cmi5.xml (cmi5) at its root',
      deeper ? { entry: deeper.entry.name } : {},
    ),
  );
  return { location: null, issues };
}

/** Archive clutter from macOS and Windows that says nothing about the package layout. */
function isJunk(name: string): boolean {
  return name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db)$/i.test(name);
}

class EntryIndex {
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();

  constructor(entries: readonly ZipEntryInfo[]) {
    for (const entry of entries.filter((e) => !e.isDirectory)) {
      this.exact.add(entry.name);
      this.folded.set(entry.name.toLowerCase(), entry.name);
    }
  }

  has(name: string): boolean {
    return this.exact.has(name);
  }

  /** The entry differing only in letter case, if any: works on Windows, breaks on the server. */
  caseVariant(name: string): string | undefined {
    return this.folded.get(name.toLowerCase());
  }
}

function describeScorm(report: PackageReport, manifest: ScormManifest, files: EntryIndex, issues: PackageIssue[]): void {
  const base = report.basePath;
  const resources = new Map(manifest.resources.map((r) => [r.identifier, r]));
  Object.assign(report, {
    standard: manifest.standard,
    edition: manifest.edition,
    standardLabel: scormLabel(manifest),
    identifier: manifest.identifier,
    title: manifest.title,
    hasSequencing:
      manifest.sequencingCollection.length > 0 ||
      manifest.organizations.some((o) => o.sequencing !== null || flattenItems(o.items).some((i) => i.sequencing !== null)),
  });
  Object.assign(report.counts, {
    organizations: manifest.organizations.length,
    items: flattenItems(defaultOrganization(manifest)?.items ?? []).length,
    scos: manifest.resources.filter((r) => r.scormType === 'sco').length,
    assets: manifest.resources.filter((r) => r.scormType !== 'sco').length,
  });

  report.launchPages = launchableItems(manifest).map((item) => {
    const external = resources.get(item.identifierRef ?? '')?.external ?? false;
    return {
      itemId: item.identifier,
      title: item.title,
      href: external ? item.launchHref! : encodePath(base) + item.launchHref!,
      entry: external ? null : base + entryNameOf(item.launchHref!),
      type: item.scormType ?? 'asset',
      external,
    };
  });

  const checked = checkLaunchPages(report.launchPages, files, issues);
  for (const resource of manifest.resources) {
    if (resource.external) {
      issues.push(
        issue('EXTERNAL_RESOURCE', `resource ${resource.identifier} is loaded from outside the package: ${resource.launchHref}`, {
          resourceId: resource.identifier,
          details: { href: resource.launchHref },
        }),
      );
    }
    const referenced = [...(resource.launchHref && !resource.external ? [resource.launchHref] : []), ...resource.files];
    for (const href of referenced) {
      const name = base + entryNameOf(href);
      if (checked.has(name) || files.has(name)) continue;
      checked.add(name);
      const variant = files.caseVariant(name);
      issues.push(
        issue(
          'FILE_MISSING',
          variant
            ? `resource ${resource.identifier} lists "${name}", but the zip has "${variant}" (letter case differs)`
            : `resource ${resource.identifier} lists "${name}", which is not in the zip`,
          { entry: name, resourceId: resource.identifier, details: { caseVariant: variant ?? null } },
        ),
      );
    }
  }

  if (report.launchPages.length === 0 && !issues.some((i) => i.code === 'NO_ORGANIZATION')) {
    issues.push(issue('NO_LAUNCHABLE_ITEM', 'no item of the default organization launches a resource'));
  }
}

function describeCmi5(report: PackageReport, course: Cmi5Course, files: EntryIndex, issues: PackageIssue[]): void {
  const aus = flattenAus(course.structure);
  Object.assign(report, {
    standard: 'cmi5',
    edition: null,
    standardLabel: 'cmi5',
    identifier: course.id || null,
    title: course.title || null,
  });
  Object.assign(report.counts, { aus: aus.length, blocks: flattenBlocks(course.structure).length });
  report.launchPages = aus
    .filter((au) => au.url !== '')
    .map((au) => ({
      itemId: au.id,
      title: au.title,
      href: au.external ? au.url : encodePath(report.basePath) + au.url,
      entry: au.external ? null : report.basePath + entryNameOf(au.url),
      type: 'au' as const,
      external: au.external,
    }));
  for (const au of aus.filter((a) => a.external)) {
    issues.push(
      issue('EXTERNAL_RESOURCE', `AU ${au.id} is loaded from outside the package: ${au.url}`, { itemId: au.id, details: { href: au.url } }),
    );
  }
  checkLaunchPages(report.launchPages, files, issues);
  if (aus.length === 0) issues.push(issue('NO_LAUNCHABLE_ITEM', 'cmi5.xml declares no AU'));
}

/** One `LAUNCH_FILE_MISSING` per missing page, naming every item that launches it; returns the names checked. */
function checkLaunchPages(pages: readonly LaunchPage[], files: EntryIndex, issues: PackageIssue[]): Set<string> {
  const checked = new Set<string>();
  const missing = new Map<string, string[]>();
  for (const page of pages) {
    const name = page.entry;
    if (name === null) continue;
    checked.add(name);
    if (!files.has(name)) missing.set(name, [...(missing.get(name) ?? []), page.itemId]);
  }
  for (const [name, itemIds] of missing) {
    const variant = files.caseVariant(name);
    const hint = variant ? `; the zip has "${variant}" (letter case differs)` : '';
    issues.push(
      issue('LAUNCH_FILE_MISSING', `the launch page "${name}" of ${itemIds.join(', ')} is not in the zip${hint}`, {
        entry: name,
        itemId: itemIds[0]!,
        details: { items: itemIds.join(', '), caseVariant: variant ?? null },
      }),
    );
  }
  return checked;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function scormLabel(manifest: ScormManifest): string {
  if (manifest.standard === 'scorm12') return 'SCORM 1.2';
  return manifest.edition ? `SCORM 2004 ${manifest.edition} Edition` : 'SCORM 2004';
}

function emptyReport(entries: readonly ZipEntryInfo[]): PackageReport {
  return {
    reportVersion: 1,
    accepted: false,
    packageType: null,
    standard: null,
    edition: null,
    standardLabel: null,
    manifestPath: null,
    basePath: '',
    identifier: null,
    title: null,
    counts: { entries: entries.length, files: 0, totalUncompressedBytes: 0, organizations: 0, items: 0, scos: 0, assets: 0, aus: 0, blocks: 0 },
    launchPages: [],
    hasSequencing: false,
    errors: [],
    warnings: [],
    omittedIssueCount: 0,
  };
}

function finishReport(report: PackageReport, issues: PackageIssue[]): PackageReport {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  report.errors = errors.slice(0, MAX_ISSUES_PER_LIST);
  report.warnings = warnings.slice(0, MAX_ISSUES_PER_LIST);
  report.omittedIssueCount = errors.length - report.errors.length + warnings.length - report.warnings.length;
  report.accepted = errors.length === 0;
  return report;
}
