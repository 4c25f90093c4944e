import { z } from 'zod';
import { ZPage, ZPageQuery } from './common';

/*
 * Course content: SCORM / cmi5 package import and versions, files and videos of activities,
 * course cover images, and launch URLs on the isolated content origin.
 *
 * Uploads are `multipart/form-data` with one file in the field `file` (UPLOAD_FIELD). Files are
 * never served by the API: `POST .../launch` answers a short-lived URL on the content origin.
 */

export const UPLOAD_FIELD = 'file';

/** Course cover images: what the browser may show, and at most this large. */
export const COVER_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const COVER_MAX_BYTES = 5 * 1024 * 1024;

/** Video activities accept what every current browser plays in a `<video>` element. */
export const VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/ogg'] as const;

// ---------------------------------------------------------------------------------------------
// Validation report. Mirrors `PackageReport` of @asah/scorm (package-report.ts), which the API
// checks at compile time; the portals translate `code` as `scorm.<CODE>`.
// ---------------------------------------------------------------------------------------------

export const ZPackageIssue = z.object({
  /** Stable issue code, e.g. `ZIP_PATH_TRAVERSAL`, `MANIFEST_DTD`, `FILE_MISSING` (see @asah/scorm/issues). */
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  /** English, for logs; translate `code` instead. */
  message: z.string(),
  /** Zip entry concerned (or the manifest's path for manifest problems). */
  entry: z.string().optional(),
  itemId: z.string().optional(),
  resourceId: z.string().optional(),
  /** 1-based line in the manifest. */
  line: z.number().int().optional(),
  /** Values are strings, numbers, booleans or null (a list of types is not expressible in OpenAPI 3.0). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type TPackageIssue = z.infer<typeof ZPackageIssue>;

export const PACKAGE_TYPES = ['scorm', 'cmi5'] as const;
export const ZPackageType = z.enum(PACKAGE_TYPES);
export type TPackageType = z.infer<typeof ZPackageType>;

/** `scorm12`, `scorm2004` (with an edition) or `cmi5`. */
export const ZPackageStandard = z.enum(['scorm12', 'scorm2004', 'cmi5']);
export type TPackageStandard = z.infer<typeof ZPackageStandard>;
export const ZScormEdition = z.enum(['2nd', '3rd', '4th']);

export const ZLaunchPage = z.object({
  /** SCORM item identifier or cmi5 AU id. */
  itemId: z.string(),
  title: z.string(),
  /** Relative to the package root, query kept; absolute when `external`. */
  href: z.string(),
  /** The file the page loads; null when external. */
  entry: z.string().nullable(),
  type: z.enum(['sco', 'asset', 'au']),
  external: z.boolean(),
});
export type TLaunchPage = z.infer<typeof ZLaunchPage>;

export const ZPackageCounts = z.object({
  entries: z.number().int(),
  files: z.number().int(),
  totalUncompressedBytes: z.number(),
  organizations: z.number().int(),
  items: z.number().int(),
  scos: z.number().int(),
  assets: z.number().int(),
  aus: z.number().int(),
  blocks: z.number().int(),
});

export const ZPackageReport = z.object({
  reportVersion: z.literal(1),
  /** False as soon as there is one error; warnings never block an import. */
  accepted: z.boolean(),
  packageType: ZPackageType.nullable(),
  standard: ZPackageStandard.nullable(),
  edition: ZScormEdition.nullable(),
  /** English label, e.g. "SCORM 2004 3rd Edition", "SCORM 1.2", "cmi5". */
  standardLabel: z.string().nullable(),
  manifestPath: z.string().nullable(),
  /** `''`, or the folder holding the manifest (`'Course/'`) when the zip was nested. */
  basePath: z.string(),
  identifier: z.string().nullable(),
  title: z.string().nullable(),
  counts: ZPackageCounts,
  launchPages: z.array(ZLaunchPage),
  hasSequencing: z.boolean(),
  errors: z.array(ZPackageIssue),
  warnings: z.array(ZPackageIssue),
  omittedIssueCount: z.number().int(),
});
export type TPackageReport = z.infer<typeof ZPackageReport>;

/**
 * `details` of a `PACKAGE_INVALID` error (422): the full report, so the portal shows every error
 * and warning exactly as for a dry run.
 */
export const ZPackageInvalidDetails = z.object({ report: ZPackageReport });
export type TPackageInvalidDetails = z.infer<typeof ZPackageInvalidDetails>;

// ---------------------------------------------------------------------------------------------
// Package versions
// ---------------------------------------------------------------------------------------------

export const ZPackageVersion = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  /** 1, 2, ... per activity. */
  version: z.number().int(),
  /** The version new attempts use; older versions stay readable for attempts started on them. */
  current: z.boolean(),
  packageType: ZPackageType,
  standard: ZPackageStandard,
  edition: ZScormEdition.nullable(),
  standardLabel: z.string(),
  title: z.string().nullable(),
  launchPages: z.array(ZLaunchPage),
  fileCount: z.number().int(),
  totalBytes: z.number(),
  uploadedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  report: ZPackageReport,
});
export type TPackageVersion = z.infer<typeof ZPackageVersion>;

export const ZPackageVersionPage = ZPage(ZPackageVersion);
export type TPackageVersionPage = z.infer<typeof ZPackageVersionPage>;
/** Newest first. */
export const ZPackageVersionListQuery = ZPageQuery.omit({ q: true });
export type TPackageVersionListQuery = z.infer<typeof ZPackageVersionListQuery>;

/** `POST .../package/validate`: a dry run, nothing is stored. A zip with errors is still a 200. */
export const ZPackageValidation = z.object({ report: ZPackageReport });
export type TPackageValidation = z.infer<typeof ZPackageValidation>;

// ---------------------------------------------------------------------------------------------
// Files and videos of activities, course cover images
// ---------------------------------------------------------------------------------------------

export const ZContentFileKind = z.enum(['file', 'video']);
export type TContentFileKind = z.infer<typeof ZContentFileKind>;

export const ZContentFile = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  kind: ZContentFileKind,
  /** The uploaded file's name, cleaned of path parts. */
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.iso.datetime(),
});
export type TContentFile = z.infer<typeof ZContentFile>;

/** `GET .../file`: the activity's current file or video, null before the first upload. */
export const ZActivityFile = z.object({ file: ZContentFile.nullable() });
export type TActivityFile = z.infer<typeof ZActivityFile>;

export const ZCoverImage = z.object({
  /** Stored in `courses.cover_image_key`. */
  key: z.string(),
  /** Public, immutable URL on the content origin. */
  url: z.url(),
});
export type TCoverImage = z.infer<typeof ZCoverImage>;

// ---------------------------------------------------------------------------------------------
// Launch
// ---------------------------------------------------------------------------------------------

export const ZLaunchRequest = z.strictObject({
  /** A package version other than the current one (an attempt started on it, or a preview). */
  versionId: z.uuid().optional(),
  /** Which launch page (SCORM item / cmi5 AU id); the first one when left out. */
  itemId: z.string().min(1).max(500).optional(),
});
export type TLaunchRequest = z.infer<typeof ZLaunchRequest>;

export const ZLaunchResponse = z.object({
  /**
   * Open this URL (iframe or window). For a package it is a short-lived launch link on the
   * content origin, to open before `expiresAt`; it redirects to the launch page. For a file or video it is the
   * file itself and stays valid until `expiresAt` (range requests included).
   */
  url: z.url(),
  expiresAt: z.iso.datetime(),
  kind: z.enum(['package', 'file', 'video']),
  /** Package launches: the version launched and its page. */
  versionId: z.uuid().nullable(),
  itemId: z.string().nullable(),
});
export type TLaunchResponse = z.infer<typeof ZLaunchResponse>;

/** API paths, for the portals' client. */
export const contentPaths = {
  package: (courseId: string, activityId: string) => `/api/courses/${courseId}/activities/${activityId}/package`,
  validatePackage: (courseId: string, activityId: string) => `/api/courses/${courseId}/activities/${activityId}/package/validate`,
  packageVersions: (courseId: string, activityId: string) => `/api/courses/${courseId}/activities/${activityId}/package/versions`,
  file: (courseId: string, activityId: string) => `/api/courses/${courseId}/activities/${activityId}/file`,
  launch: (courseId: string, activityId: string) => `/api/courses/${courseId}/activities/${activityId}/launch`,
  cover: (courseId: string) => `/api/courses/${courseId}/cover`,
};
