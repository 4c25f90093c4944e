import { z } from 'zod';
import { ZPage, ZPageQuery, ZQueryBoolean } from './common';
import { ZDeliveryMode, ZCourseStatus } from './courses';
import { ZDay } from './enrolments';
import { ZFieldError } from './errors';
import { ZFunctionalLevel, ZPositionType } from './positions';
import { ZEmploymentType } from './roles';

/**
 * Competency framework (issue 7): dictionaries, position standards, assessments, gaps and course
 * recommendations, individual development plans, needs analysis per unit, the yearly development
 * plan and workload analysis (ABK). The rules live in @asah/competency; these are the wire shapes.
 * Routes are listed next to each group (all under /api).
 */

// ================================================================================================
// Dictionary (kamus kompetensi)
// GET    /competency/dictionary?agencyId=&group=&q=          national + the agency's own, merged
// POST   /competency/dictionary                              a technical competency of the agency
// GET    /competency/dictionary/:id
// PATCH  /competency/dictionary/:id                          agency admins editing a national one get an agency copy
// DELETE /competency/dictionary/:id                          agency competencies only
// GET    /competency/dictionary/export?agencyId=&format=csv|json   file download
// POST   /competency/dictionary/import/preview   multipart: file (.csv or .json), agencyId?
// POST   /competency/dictionary/import           same; writes everything or nothing
// ================================================================================================

export const COMPETENCY_GROUPS = ['manajerial', 'sosial_kultural', 'teknis'] as const;
export const ZCompetencyGroup = z.enum(COMPETENCY_GROUPS);
export type TCompetencyGroup = z.infer<typeof ZCompetencyGroup>;

export const COMPETENCY_LEVELS = [1, 2, 3, 4, 5] as const;
export const ZCompetencyLevel = z.number().int().min(1).max(5);
export type TCompetencyLevel = 1 | 2 | 3 | 4 | 5;

/** Level names set by Permenpan RB 38/2017. */
export const COMPETENCY_LEVEL_NAMES = { 1: 'Paham', 2: 'Dasar', 3: 'Menengah', 4: 'Mumpuni', 5: 'Ahli' } as const;

export const ZCompetencyLevelDefinition = z.object({
  level: ZCompetencyLevel,
  name: z.string(),
  description: z.string(),
  indicators: z.array(z.string()),
});
export type TCompetencyLevelDefinition = z.infer<typeof ZCompetencyLevelDefinition>;

export const ZCompetency = z.object({
  id: z.uuid(),
  /** Null: a national competency (M.01–M.08, SK.01), the same for every agency. */
  agencyId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  group: ZCompetencyGroup,
  definition: z.string().nullable(),
  /** Sorted 1 → 5. */
  levels: z.array(ZCompetencyLevelDefinition),
  /** An agency's edited copy of a national competency (same code). */
  overridesNational: z.boolean(),
  /** The actor may edit it (agency admins edit their agency's rows; a national one is copied on edit). */
  editable: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type TCompetency = z.infer<typeof ZCompetency>;

export const ZCompetencyList = z.object({ items: z.array(ZCompetency) });
export type TCompetencyList = z.infer<typeof ZCompetencyList>;

export const ZCompetencyListQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  group: ZCompetencyGroup.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TCompetencyListQuery = z.infer<typeof ZCompetencyListQuery>;

const ZLevelInput = z.strictObject({
  level: ZCompetencyLevel,
  name: z.string().trim().min(1).max(50),
  description: z.string().trim().min(1).max(2000),
  indicators: z.array(z.string().trim().min(1).max(1000)).min(1).max(20),
});

/** All five levels, once each. */
const ZLevelsInput = z
  .array(ZLevelInput)
  .length(5)
  .refine((levels) => new Set(levels.map((l) => l.level)).size === 5, { message: 'Give each level 1–5 exactly once' });

export const ZCreateCompetencyRequest = z.strictObject({
  agencyId: z.uuid().optional(),
  /** Upper-case segments, e.g. T.KES.01; `M.` and `SK.` are reserved for the national groups. */
  code: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(200),
  group: z.literal('teknis').default('teknis'),
  definition: z.string().trim().max(2000).nullable().optional(),
  levels: ZLevelsInput,
});
export type TCreateCompetencyRequest = z.input<typeof ZCreateCompetencyRequest>;

export const ZUpdateCompetencyRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  definition: z.string().trim().max(2000).nullable().optional(),
  levels: ZLevelsInput.optional(),
});
export type TUpdateCompetencyRequest = z.infer<typeof ZUpdateCompetencyRequest>;

export const DICTIONARY_FORMATS = ['csv', 'json'] as const;
export const ZDictionaryExportQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  format: z.enum(DICTIONARY_FORMATS).default('csv'),
  /** false: only the agency's own rows (technical competencies and edited national copies). */
  includeNational: ZQueryBoolean.default(true),
});
export type TDictionaryExportQuery = z.infer<typeof ZDictionaryExportQuery>;

export const ZDictionaryImportFields = z.strictObject({ agencyId: z.uuid().optional() });

/** One problem of a dictionary import; `line` for CSV, `levelIndex` points into a JSON document. */
export const ZDictionaryImportProblem = z.object({
  code: z.string(),
  message: z.string(),
  competencyCode: z.string().nullable(),
  field: z.string().nullable(),
  line: z.number().int().nullable(),
  level: z.number().int().nullable(),
});
export type TDictionaryImportProblem = z.infer<typeof ZDictionaryImportProblem>;

export const ZDictionaryImportReport = z.object({
  format: z.enum(DICTIONARY_FORMATS),
  competencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      group: ZCompetencyGroup,
      /** create: new for the agency; update: replaces the agency's row (or copies a national one). */
      action: z.enum(['create', 'update']),
    }),
  ),
  problems: z.array(ZDictionaryImportProblem),
  /** Commit only: true when written (never with problems). */
  committed: z.boolean(),
});
export type TDictionaryImportReport = z.infer<typeof ZDictionaryImportReport>;

// ================================================================================================
// Settings per agency
// GET /competency/settings?agencyId=      PUT /competency/settings
// ================================================================================================

/** raise_level: course evidence sets the current level; flag_only: it only flags a reassessment. */
export const EVIDENCE_RULES = ['raise_level', 'flag_only'] as const;
export const ZEvidenceRule = z.enum(EVIDENCE_RULES);
export type TEvidenceRule = z.infer<typeof ZEvidenceRule>;

export const STAFF_ROUNDING_MODES = ['round', 'ceil', 'floor'] as const;
export const ZStaffRounding = z.strictObject({
  mode: z.enum(STAFF_ROUNDING_MODES),
  /** Only for `round`: the fraction from which it rounds up (0.5 by default). */
  threshold: z.number().gt(0).max(1).nullable().optional(),
});
export type TStaffRounding = z.infer<typeof ZStaffRounding>;

export const ZCompetencySettings = z.object({
  agencyId: z.uuid(),
  evidenceRule: ZEvidenceRule,
  /** Gaps of at least this many levels are `major`. */
  majorGapFrom: z.number().int(),
  /** ABK: effective working hours per employee per year (1,250 by default). */
  effectiveHoursPerYear: z.number(),
  staffRounding: ZStaffRounding,
  /** The head of agency, who approves the development plan; null: any agency admin may. */
  headOfAgency: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() }).nullable(),
  /** true: nothing saved yet, the platform defaults. */
  isDefault: z.boolean(),
});
export type TCompetencySettings = z.infer<typeof ZCompetencySettings>;

export const ZAgencyQuery = z.strictObject({ agencyId: z.uuid().optional() });
export type TAgencyQuery = z.infer<typeof ZAgencyQuery>;

export const ZUpdateCompetencySettingsRequest = z.strictObject({
  agencyId: z.uuid().optional(),
  evidenceRule: ZEvidenceRule.optional(),
  majorGapFrom: z.number().int().min(1).max(4).optional(),
  effectiveHoursPerYear: z.number().min(1).max(8784).optional(),
  staffRounding: ZStaffRounding.optional(),
  headOfAgencyUserId: z.uuid().nullable().optional(),
});
export type TUpdateCompetencySettingsRequest = z.infer<typeof ZUpdateCompetencySettingsRequest>;

// ================================================================================================
// Position standards (standar kompetensi jabatan)
// GET /competency/standards?agencyId=&type=&q=     the grid (positions × competencies)
// PUT /competency/standards/:positionId            replace that position's overrides
// ================================================================================================

export const STANDARD_ORIGINS = ['default', 'position', 'none'] as const;

export const ZStandardCell = z.object({
  competencyCode: z.string(),
  /** What applies: the override when set, else the default; null: not required. */
  requiredLevel: ZCompetencyLevel.nullable(),
  /** The default by position type (null for functional positions and teknis). */
  defaultLevel: ZCompetencyLevel.nullable(),
  /** position: overridden for this position (requiredLevel may be null = explicitly not required). */
  origin: z.enum(STANDARD_ORIGINS),
});
export type TStandardCell = z.infer<typeof ZStandardCell>;

export const ZStandardRow = z.object({
  position: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: ZPositionType,
    functionalLevel: ZFunctionalLevel.nullable(),
  }),
  employeeCount: z.number().int(),
  /** One per dictionary competency, in the order of `competencies`. */
  cells: z.array(ZStandardCell),
});
export type TStandardRow = z.infer<typeof ZStandardRow>;

export const ZCompetencyHeader = z.object({ code: z.string(), name: z.string(), group: ZCompetencyGroup });
export type TCompetencyHeader = z.infer<typeof ZCompetencyHeader>;

export const ZStandardsGrid = z.object({
  competencies: z.array(ZCompetencyHeader),
  rows: z.array(ZStandardRow),
});
export type TStandardsGrid = z.infer<typeof ZStandardsGrid>;

export const ZStandardsQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  type: ZPositionType.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TStandardsQuery = z.infer<typeof ZStandardsQuery>;

export const ZPositionIdParam = z.strictObject({ positionId: z.uuid() });

/**
 * The whole list of overrides of one position. A code left out follows the default; `null` means
 * explicitly not required for this position.
 */
export const ZSetStandardRequest = z.strictObject({
  overrides: z
    .array(z.strictObject({ competencyCode: z.string().trim().min(1).max(50), requiredLevel: ZCompetencyLevel.nullable() }))
    .max(200),
});
export type TSetStandardRequest = z.infer<typeof ZSetStandardRequest>;

// ================================================================================================
// Assessments
// GET    /users/:id/assessments                 history, newest first per competency, with status
// POST   /competency/assessments                admin entry
// DELETE /competency/assessments/:id
// POST   /competency/assessments/import/preview multipart: file (CSV), agencyId?
// POST   /competency/assessments/import         same; writes every row or none
// GET    /competency/assessments/flagged?agencyId=   course evidence waiting for a reassessment (flag_only rule)
// ================================================================================================

export const ASSESSMENT_SOURCES = ['assessment_centre', 'competency_test', 'supervisor', 'self', 'course_evidence'] as const;
export const ZAssessmentSource = z.enum(ASSESSMENT_SOURCES);
export type TAssessmentSource = z.infer<typeof ZAssessmentSource>;
/** Sources an admin may enter or import (course evidence comes from completions only). */
export const ENTERABLE_ASSESSMENT_SOURCES = ['assessment_centre', 'competency_test', 'supervisor', 'self'] as const;

export const HISTORY_STATUSES = ['current', 'superseded', 'expired', 'future', 'not_counted'] as const;

export const ZAssessment = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  competencyCode: z.string(),
  competencyName: z.string().nullable(),
  level: ZCompetencyLevel,
  source: ZAssessmentSource,
  assessedOn: ZDay,
  validUntil: ZDay.nullable(),
  note: z.string().nullable(),
  /** Set for course evidence. */
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Why it does or does not set the current level today. */
  status: z.enum(HISTORY_STATUSES),
  createdAt: z.iso.datetime(),
});
export type TAssessment = z.infer<typeof ZAssessment>;
export const ZAssessmentList = z.object({ items: z.array(ZAssessment) });
export type TAssessmentList = z.infer<typeof ZAssessmentList>;

export const ZCreateAssessmentRequest = z.strictObject({
  userId: z.uuid(),
  competencyCode: z.string().trim().min(1).max(50),
  level: ZCompetencyLevel,
  source: z.enum(ENTERABLE_ASSESSMENT_SOURCES),
  assessedOn: ZDay,
  validUntil: ZDay.nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentRequest>;

/** Accepted headers (Indonesian or English); `valid_until` is optional. */
export const ASSESSMENT_IMPORT_COLUMNS = {
  nip: ['nip'],
  competencyCode: ['competency_code', 'kode_kompetensi', 'competency', 'kompetensi', 'kode'],
  level: ['level', 'tingkat', 'level_kompetensi'],
  source: ['source', 'sumber'],
  assessedOn: ['date', 'tanggal', 'assessed_on', 'tanggal_penilaian'],
  validUntil: ['valid_until', 'berlaku_sampai'],
} as const;
export const ASSESSMENT_IMPORT_MAX_ROWS = 20_000;
export const ASSESSMENT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Indonesian words for the sources, accepted in the CSV besides the codes. */
export const ASSESSMENT_SOURCE_ALIASES: Readonly<Record<string, TAssessmentSource>> = {
  assessment_center: 'assessment_centre',
  asesmen: 'assessment_centre',
  uji_kompetensi: 'competency_test',
  atasan: 'supervisor',
  mandiri: 'self',
};

export const ZAssessmentImportFields = z.strictObject({ agencyId: z.uuid().optional() });

export const ZAssessmentImportRow = z.object({
  /** Line in the file, the header is line 1. */
  line: z.number().int(),
  values: z.object({
    nip: z.string(),
    competencyCode: z.string(),
    level: z.string(),
    source: z.string(),
    assessedOn: z.string(),
    validUntil: z.string(),
  }),
  status: z.enum(['valid', 'invalid']),
  /** field: nip | competencyCode | level | source | assessedOn | validUntil. */
  errors: z.array(ZFieldError),
  /** The employee found by NIP. */
  employee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type TAssessmentImportRow = z.infer<typeof ZAssessmentImportRow>;

export const ZAssessmentImportReport = z.object({
  rows: z.array(ZAssessmentImportRow),
  validCount: z.number().int(),
  invalidCount: z.number().int(),
  /** Commit only: rows written (0 whenever any row is invalid: all or nothing). */
  created: z.number().int(),
  committed: z.boolean(),
});
export type TAssessmentImportReport = z.infer<typeof ZAssessmentImportReport>;

export const ZFlaggedEvidence = z.object({
  assessmentId: z.uuid(),
  employee: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() }),
  competencyCode: z.string(),
  evidenceLevel: ZCompetencyLevel,
  currentLevel: ZCompetencyLevel.nullable(),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
  assessedOn: ZDay,
});
export const ZFlaggedEvidenceList = z.object({ items: z.array(ZFlaggedEvidence) });
export type TFlaggedEvidenceList = z.infer<typeof ZFlaggedEvidenceList>;

// ================================================================================================
// Course competency targets ("course targets competency c at level l"; stored on the course)
// GET /courses/:id/competency-targets      PUT /courses/:id/competency-targets (course editors)
// ================================================================================================

export const ZCourseTarget = z.object({
  competencyCode: z.string(),
  targetLevel: ZCompetencyLevel,
  /** Null when the code is not in the course agency's dictionary (set before the dictionary existed). */
  competency: ZCompetencyHeader.nullable(),
});
export const ZCourseTargetList = z.object({ courseId: z.uuid(), items: z.array(ZCourseTarget) });
export type TCourseTargetList = z.infer<typeof ZCourseTargetList>;

export const ZSetCourseTargetsRequest = z.strictObject({
  items: z
    .array(z.strictObject({ competencyCode: z.string().trim().min(1).max(50), targetLevel: ZCompetencyLevel }))
    .max(50),
});
export type TSetCourseTargetsRequest = z.infer<typeof ZSetCourseTargetsRequest>;

// ================================================================================================
// Learner competency profile with gaps and recommended courses
// GET /me/competency-profile?targetPositionId=         the signed-in learner
// GET /users/:id/competency-profile?targetPositionId=  admins
// ================================================================================================

export const GAP_SEVERITIES = ['none', 'minor', 'major', 'unassessed'] as const;
export const ZGapSeverity = z.enum(GAP_SEVERITIES);
export type TGapSeverity = z.infer<typeof ZGapSeverity>;

export const ZRecommendedCourse = z.object({
  courseId: z.uuid(),
  code: z.string(),
  title: z.string(),
  jp: z.number(),
  deliveryMode: ZDeliveryMode,
  status: ZCourseStatus,
  targetLevel: ZCompetencyLevel,
  /** The course alone reaches the required level. */
  closesGap: z.boolean(),
  /** The learner's enrolment in it, if any (pending, approved, active, completed, ...). */
  enrolmentStatus: z.string().nullable(),
});
export type TRecommendedCourse = z.infer<typeof ZRecommendedCourse>;

export const ZGapView = z.object({
  requiredLevel: ZCompetencyLevel,
  /** required − current; negative above the standard; null when unassessed. */
  gap: z.number().int().nullable(),
  severity: ZGapSeverity,
  needsDevelopment: z.boolean(),
});

export const ZProfileItem = z.object({
  competency: ZCompetencyHeader,
  currentLevel: ZCompetencyLevel.nullable(),
  /** The result the current level comes from. */
  assessment: z.object({ id: z.uuid(), source: ZAssessmentSource, assessedOn: ZDay, validUntil: ZDay.nullable() }).nullable(),
  /** Against the current position; null when the position does not require it. */
  current: ZGapView.nullable(),
  /** Against the target position (career planning); null without one or when not required there. */
  target: ZGapView.nullable(),
  /** Best first; only for a gap that needs development (against the current, else the target position). */
  recommendations: z.array(ZRecommendedCourse),
  /** Course evidence above the current level waiting for a reassessment (flag_only agencies). */
  flaggedEvidenceLevel: ZCompetencyLevel.nullable(),
});
export type TProfileItem = z.infer<typeof ZProfileItem>;

export const ZSeverityCounts = z.object({
  none: z.number().int(),
  minor: z.number().int(),
  major: z.number().int(),
  unassessed: z.number().int(),
  needsDevelopment: z.number().int(),
});
export type TSeverityCounts = z.infer<typeof ZSeverityCounts>;

const ZPositionRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: ZPositionType });
const ZUnitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const ZCompetencyProfile = z.object({
  user: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable(), unit: ZUnitRef.nullable(), position: ZPositionRef.nullable() }),
  targetPosition: ZPositionRef.nullable(),
  /** The day levels are computed for (today in Asia/Jakarta). */
  asOf: ZDay,
  evidenceRule: ZEvidenceRule,
  /** Competencies required by the current or target position, plus any assessed one; dictionary order. */
  items: z.array(ZProfileItem),
  /** Against the current position. */
  summary: ZSeverityCounts,
});
export type TCompetencyProfile = z.infer<typeof ZCompetencyProfile>;

export const ZProfileQuery = z.strictObject({ targetPositionId: z.uuid().optional() });
export type TProfileQuery = z.infer<typeof ZProfileQuery>;

// ================================================================================================
// Individual development plan (goals)
// GET /me/development-goals   POST /me/development-goals   PATCH|DELETE /me/development-goals/:id
// GET /users/:id/development-goals (admins)
// ================================================================================================

export const GOAL_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const ZGoalStatus = z.enum(GOAL_STATUSES);

export const ZDevelopmentGoal = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  title: z.string(),
  competency: ZCompetencyHeader.nullable(),
  targetLevel: ZCompetencyLevel.nullable(),
  targetDate: ZDay,
  /** 0–100. */
  progress: z.number().int(),
  /** planned at 0, done at 100, in_progress between. */
  status: ZGoalStatus,
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
  note: z.string().nullable(),
  /** The target date has passed and the goal is not done. */
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TDevelopmentGoal = z.infer<typeof ZDevelopmentGoal>;
export const ZDevelopmentGoalList = z.object({ items: z.array(ZDevelopmentGoal) });
export type TDevelopmentGoalList = z.infer<typeof ZDevelopmentGoalList>;

export const ZCreateGoalRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  competencyCode: z.string().trim().min(1).max(50).nullable().optional(),
  targetLevel: ZCompetencyLevel.nullable().optional(),
  targetDate: ZDay,
  progress: z.number().int().min(0).max(100).default(0),
  courseId: z.uuid().nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TCreateGoalRequest = z.input<typeof ZCreateGoalRequest>;

export const ZUpdateGoalRequest = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  competencyCode: z.string().trim().min(1).max(50).nullable().optional(),
  targetLevel: ZCompetencyLevel.nullable().optional(),
  targetDate: ZDay.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  courseId: z.uuid().nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TUpdateGoalRequest = z.infer<typeof ZUpdateGoalRequest>;

// ================================================================================================
// Needs analysis (Analisis Kebutuhan Kompetensi)
// GET /competency/needs-analysis?agencyId=&asOf=                   heatmap competency × unit (rolled up the tree)
// GET /competency/needs-analysis/cell?unitId=&competencyCode=&...  the people behind a cell, the courses, the JP lacking
// GET /competency/needs-analysis/export?agencyId=                  XLSX
// ================================================================================================

export const ZNeedsCounts = z.object({
  none: z.number().int(),
  minor: z.number().int(),
  major: z.number().int(),
  unassessed: z.number().int(),
  /** minor + major. */
  needsDevelopment: z.number().int(),
  /** (employee, competency) pairs counted. */
  total: z.number().int(),
});
export type TNeedsCounts = z.infer<typeof ZNeedsCounts>;

export const ZNeedsUnitTotals = ZNeedsCounts.extend({
  /** Employees counted (with a position that has a standard). */
  employees: z.number().int(),
  /** Employees with at least one competency that needs development. */
  employeesNeedingDevelopment: z.number().int(),
  /** JP this year from the ledger (held to the cap) against each employee's target. */
  jp: z.object({ belowTarget: z.number().int(), lacking: z.number() }),
});
export type TNeedsUnitTotals = z.infer<typeof ZNeedsUnitTotals>;

export const ZNeedsUnitRow = z.object({
  unit: ZUnitRef,
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
  /** Employees placed directly in the unit. */
  own: ZNeedsUnitTotals,
  /** The unit and everything below it: what the heatmap shows. */
  subtree: ZNeedsUnitTotals,
});
export type TNeedsUnitRow = z.infer<typeof ZNeedsUnitRow>;

/** A heatmap cell for the unit's subtree; cells that count nobody are left out. */
export const ZNeedsCell = ZNeedsCounts.extend({ unitId: z.uuid(), competencyCode: z.string() });
export type TNeedsCell = z.infer<typeof ZNeedsCell>;

export const ZNeedsHeatmap = z.object({
  agencyId: z.uuid(),
  asOf: ZDay,
  year: z.number().int(),
  competencies: z.array(ZCompetencyHeader),
  /** Pre-order (parents first) with depth for indenting. */
  units: z.array(ZNeedsUnitRow),
  cells: z.array(ZNeedsCell),
  /** Per competency, whole agency. */
  columns: z.array(ZNeedsCounts.extend({ competencyCode: z.string() })),
  total: ZNeedsUnitTotals,
});
export type TNeedsHeatmap = z.infer<typeof ZNeedsHeatmap>;

export const ZNeedsQuery = z.strictObject({ agencyId: z.uuid().optional(), asOf: ZDay.optional() });
export type TNeedsQuery = z.infer<typeof ZNeedsQuery>;

export const ZNeedsCellQuery = ZPageQuery.extend({
  agencyId: z.uuid().optional(),
  unitId: z.uuid(),
  competencyCode: z.string().trim().min(1).max(50),
  /** Default: everyone who needs development (minor and major). */
  severity: z.enum([...GAP_SEVERITIES, 'needs_development', 'all']).default('needs_development'),
  includeSubunits: ZQueryBoolean.default(true),
  asOf: ZDay.optional(),
});
export type TNeedsCellQuery = z.infer<typeof ZNeedsCellQuery>;

export const ZNeedsPerson = z.object({
  userId: z.uuid(),
  name: z.string(),
  nip: z.string().nullable(),
  employmentType: ZEmploymentType.nullable(),
  unit: ZUnitRef,
  position: ZPositionRef,
  requiredLevel: ZCompetencyLevel,
  currentLevel: ZCompetencyLevel.nullable(),
  gap: z.number().int().nullable(),
  severity: ZGapSeverity,
  /** This year's JP (held to the cap), target and what is still lacking (null without a target). */
  jp: z.object({ total: z.number(), target: z.number().nullable(), lacking: z.number().nullable() }),
});
export type TNeedsPerson = z.infer<typeof ZNeedsPerson>;

export const ZNeedsCellDetail = ZPage(ZNeedsPerson).extend({
  unit: ZUnitRef,
  competency: ZCompetencyHeader,
  counts: ZNeedsCounts,
  /** Σ JP lacking this year over everyone the filter matches (not only this page). */
  jpLacking: z.number(),
  /** Courses that close the cell's gaps (for the lowest current level and the highest required), best first. */
  courses: z.array(ZRecommendedCourse.omit({ enrolmentStatus: true })),
});
export type TNeedsCellDetail = z.infer<typeof ZNeedsCellDetail>;

// ================================================================================================
// Yearly development plan (Rencana Pengembangan Kompetensi)
// GET    /competency/plans?agencyId=&year=
// POST   /competency/plans
// GET    /competency/plans/:id
// PATCH  /competency/plans/:id                               title (draft only)
// POST   /competency/plans/:id/actions                       { action: submit|approve|reject|revise, note? }
// POST   /competency/plans/:id/programs                      (draft only)
// PATCH  /competency/plans/:id/programs/:programId           (draft only)
// DELETE /competency/plans/:id/programs/:programId           (draft only)
// POST   /competency/plans/:id/programs/:programId/cohort    (approved only) a cohort with the targets enrolled
// GET    /competency/plans/:id/export                        XLSX
// ================================================================================================

export const DEVELOPMENT_ROUTES = ['klasikal', 'non_klasikal'] as const;
export const ZDevelopmentRoute = z.enum(DEVELOPMENT_ROUTES);
export type TDevelopmentRoute = z.infer<typeof ZDevelopmentRoute>;

export const DEVELOPMENT_FORMS = {
  klasikal: ['pelatihan', 'workshop', 'seminar', 'kursus'],
  non_klasikal: [
    'e_learning',
    'pelatihan_jarak_jauh',
    'belajar_mandiri',
    'coaching',
    'mentoring',
    'magang',
    'pertukaran',
    'benchmarking',
    'detasering',
    'team_building',
  ],
} as const;

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export const ZPlanStatus = z.enum(PLAN_STATUSES);
export type TPlanStatus = z.infer<typeof ZPlanStatus>;
export const PLAN_ACTIONS = ['submit', 'approve', 'reject', 'revise'] as const;
export const ZPlanAction = z.enum(PLAN_ACTIONS);
export type TPlanAction = z.infer<typeof ZPlanAction>;

export const ZProgramTotals = z.object({
  programs: z.number().int(),
  /** Σ JP per person × target employees. */
  personJp: z.number(),
  /** Rupiah. */
  budget: z.number().int(),
  /** Distinct employees. */
  people: z.number().int(),
});
export type TProgramTotals = z.infer<typeof ZProgramTotals>;

export const ZPlanTotals = ZProgramTotals.extend({
  byRoute: z.object({ klasikal: ZProgramTotals, non_klasikal: ZProgramTotals }),
});

const ZPersonRef = z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() });

export const ZDevelopmentProgram = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  title: z.string(),
  competency: ZCompetencyHeader,
  route: ZDevelopmentRoute,
  form: z.string(),
  provider: z.string(),
  startsOn: ZDay,
  endsOn: ZDay,
  jpPerPerson: z.number(),
  /** Rupiah, whole program. */
  budget: z.number().int(),
  targetEmployees: z.array(ZPersonRef),
  /** Set once turned into a cohort. */
  cohort: z.object({ id: z.uuid(), name: z.string(), courseId: z.uuid(), courseTitle: z.string() }).nullable(),
});
export type TDevelopmentProgram = z.infer<typeof ZDevelopmentProgram>;

export const ZPlanSummary = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  status: ZPlanStatus,
  totals: ZPlanTotals,
  submittedAt: z.iso.datetime().nullable(),
  submittedBy: ZPersonRef.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: ZPersonRef.nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;
export const ZPlanList = z.object({ items: z.array(ZPlanSummary) });
export type TPlanList = z.infer<typeof ZPlanList>;

export const ZPlanDetail = ZPlanSummary.extend({
  programs: z.array(ZDevelopmentProgram),
  /** Actions the status allows AND the actor may take (approve/reject only for the head of agency when set). */
  allowedActions: z.array(ZPlanAction),
  /** Programs and title can change (draft). */
  editable: z.boolean(),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

export const ZPlanListQuery = z.strictObject({ agencyId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export type TPlanListQuery = z.infer<typeof ZPlanListQuery>;

export const ZCreatePlanRequest = z.strictObject({
  agencyId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
});
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = z.strictObject({ title: z.string().trim().min(1).max(200) });
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZPlanActionRequest = z.strictObject({ action: ZPlanAction, note: z.string().trim().max(2000).nullable().optional() });
export type TPlanActionRequest = z.infer<typeof ZPlanActionRequest>;

/** Target employees from a heatmap cell: everyone of that unit (and below) who needs development in it. */
export const ZProgramFromCell = z.strictObject({ unitId: z.uuid(), includeSubunits: z.boolean().default(true) });

const programFields = {
  title: z.string().trim().min(1).max(200),
  competencyCode: z.string().trim().min(1).max(50),
  route: ZDevelopmentRoute,
  /** One of DEVELOPMENT_FORMS[route]. */
  form: z.string().trim().min(1).max(50),
  provider: z.string().trim().min(1).max(200),
  startsOn: ZDay,
  endsOn: ZDay,
  jpPerPerson: z.number().gt(0).max(9999.99),
  budget: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  targetEmployeeIds: z.array(z.uuid()).max(10_000),
};

export const ZCreateProgramRequest = z.strictObject({
  ...programFields,
  targetEmployeeIds: programFields.targetEmployeeIds.default([]),
  /** Adds the employees behind a heatmap cell (the program's competency) to targetEmployeeIds. */
  fromCell: ZProgramFromCell.optional(),
});
export type TCreateProgramRequest = z.input<typeof ZCreateProgramRequest>;

export const ZUpdateProgramRequest = z.strictObject({
  title: programFields.title.optional(),
  competencyCode: programFields.competencyCode.optional(),
  route: programFields.route.optional(),
  form: programFields.form.optional(),
  provider: programFields.provider.optional(),
  startsOn: programFields.startsOn.optional(),
  endsOn: programFields.endsOn.optional(),
  jpPerPerson: programFields.jpPerPerson.optional(),
  budget: programFields.budget.optional(),
  targetEmployeeIds: programFields.targetEmployeeIds.optional(),
});
export type TUpdateProgramRequest = z.infer<typeof ZUpdateProgramRequest>;

export const ZPlanProgramParams = z.strictObject({ id: z.uuid(), programId: z.uuid() });

export const ZProgramCohortRequest = z.strictObject({
  /** A published course of the agency (or platform-wide) the cohort belongs to. */
  courseId: z.uuid(),
  /** Default: the program title. */
  name: z.string().trim().min(1).max(200).optional(),
  /** Default: the number of target employees. */
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
});
export type TProgramCohortRequest = z.infer<typeof ZProgramCohortRequest>;

export const ZProgramCohortResult = z.object({
  cohortId: z.uuid(),
  enrolled: z.number().int(),
  /** Already enrolled in the course, inactive, ... */
  skipped: z.array(z.object({ userId: z.uuid(), reason: z.string() })),
});
export type TProgramCohortResult = z.infer<typeof ZProgramCohortResult>;

// ================================================================================================
// Workload analysis (Analisis Beban Kerja)
// GET /competency/workload?agencyId=                       positions per unit, rolled up the tree
// GET /competency/workload/tasks?unitId=&positionId=       the tasks of one position in one unit
// PUT /competency/workload/tasks                           replace them
// GET /competency/workload/export?agencyId=                XLSX
// ================================================================================================

export const STAFFING_STATUSES = ['shortage', 'excess', 'balanced'] as const;
export const ZStaffingStatus = z.enum(STAFFING_STATUSES);

export const ZWorkloadTask = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Units of output a year. */
  yearlyVolume: z.number(),
  /** Minutes per unit of output. */
  standardMinutes: z.number(),
  /** yearlyVolume × standardMinutes ÷ 60. */
  workloadHours: z.number(),
});
export type TWorkloadTask = z.infer<typeof ZWorkloadTask>;

export const ZWorkloadTaskQuery = z.strictObject({ unitId: z.uuid(), positionId: z.uuid() });
export const ZWorkloadTaskList = z.object({ unitId: z.uuid(), positionId: z.uuid(), items: z.array(ZWorkloadTask) });
export type TWorkloadTaskList = z.infer<typeof ZWorkloadTaskList>;

export const ZSetWorkloadTasksRequest = z.strictObject({
  unitId: z.uuid(),
  positionId: z.uuid(),
  tasks: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(300),
        yearlyVolume: z.number().min(0).max(1e9),
        standardMinutes: z.number().gt(0).max(1e6),
      }),
    )
    .max(200),
});
export type TSetWorkloadTasksRequest = z.infer<typeof ZSetWorkloadTasksRequest>;

export const ZPositionWorkload = z.object({
  unitId: z.uuid(),
  position: ZPositionRef,
  taskCount: z.number().int(),
  workloadHours: z.number(),
  staffNeededExact: z.number(),
  staffNeeded: z.number().int(),
  staffInPost: z.number().int(),
  /** staffInPost − staffNeeded: negative is a shortage. */
  difference: z.number().int(),
  status: ZStaffingStatus,
});
export type TPositionWorkload = z.infer<typeof ZPositionWorkload>;

export const ZWorkloadTotals = z.object({
  positions: z.number().int(),
  workloadHours: z.number(),
  staffNeeded: z.number().int(),
  staffInPost: z.number().int(),
  shortage: z.number().int(),
  excess: z.number().int(),
  difference: z.number().int(),
  status: ZStaffingStatus,
});
export type TWorkloadTotals = z.infer<typeof ZWorkloadTotals>;

export const ZWorkloadReport = z.object({
  agencyId: z.uuid(),
  effectiveHoursPerYear: z.number(),
  staffRounding: ZStaffRounding,
  /** Pre-order; `own` = positions placed in the unit, `subtree` adds the units below. */
  units: z.array(z.object({ unit: ZUnitRef, parentId: z.uuid().nullable(), depth: z.number().int(), own: ZWorkloadTotals, subtree: ZWorkloadTotals })),
  /** Every (unit, position) with tasks or staff in post. */
  positions: z.array(ZPositionWorkload),
  total: ZWorkloadTotals,
});
export type TWorkloadReport = z.infer<typeof ZWorkloadReport>;

export const ZCompetencyPage = ZPage(ZCompetency);
