import type { TContentFile, TPackageReport, TPackageVersion } from '@asah/contracts/content';
import type { PackageReport } from '@asah/scorm/package-report';
import type { ContentFile } from './content-file.entity';
import type { PackageVersion } from './package-version.entity';

// The contracts mirror @asah/scorm's report for the portals; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reportMatchesContract: Same<Omit<PackageReport, 'errors' | 'warnings'>, Omit<TPackageReport, 'errors' | 'warnings'>> = true;
const issuesFitContract: PackageReport['errors'] extends TPackageReport['errors'] ? true : false = true;
void reportMatchesContract;
void issuesFitContract;

/** Needs `uploader` loaded. */
export function toPackageVersionDto(v: PackageVersion): TPackageVersion {
  return {
    id: v.id,
    activityId: v.activityId,
    version: v.version,
    current: v.current,
    packageType: v.packageType,
    standard: v.standard,
    edition: v.edition,
    standardLabel: v.standardLabel,
    title: v.title,
    launchPages: v.launchPages,
    fileCount: v.fileCount,
    totalBytes: Number(v.totalBytes),
    uploadedBy: v.uploader ? { id: v.uploader.id, name: v.uploader.name } : null,
    createdAt: v.createdAt.toISOString(),
    report: v.report,
  };
}

export function toContentFileDto(f: ContentFile): TContentFile {
  return {
    id: f.id,
    activityId: f.activityId,
    kind: f.kind,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: Number(f.sizeBytes),
    createdAt: f.createdAt.toISOString(),
  };
}
