import { z } from 'zod';
import { ZCode, ZName, ZPage, ZPageQuery, ZQueryBoolean } from './common';

/**
 * Course authoring: a course (kursus) has ordered sections (modul) holding ordered activities
 * (aktivitas). A course belongs to one agency, or to none: a platform-wide course that every
 * agency's admins and instructors can read and only platform admins can change.
 */

/** The three competency groups of Permenpan RB 38/2017; a course develops one of them. */
export const COURSE_CATEGORIES = ['manajerial', 'sosial_kultural', 'teknis'] as const;
export const ZCourseCategory = z.enum(COURSE_CATEGORIES);
export type TCourseCategory = z.infer<typeof ZCourseCategory>;

export const DELIVERY_MODES = ['e_learning', 'klasikal', 'blended'] as const;
export const ZDeliveryMode = z.enum(DELIVERY_MODES);
export type TDeliveryMode = z.infer<typeof ZDeliveryMode>;

/** draft → published → archived; archived → draft again by un-archiving (admins only). */
export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export const ZCourseStatus = z.enum(COURSE_STATUSES);
export type TCourseStatus = z.infer<typeof ZCourseStatus>;

/** Completed when every required activity is done, or when every activity of a chosen subset is. */
export const COMPLETION_RULES = ['all_required', 'selected'] as const;
export const ZCompletionRule = z.enum(COMPLETION_RULES);
export type TCompletionRule = z.infer<typeof ZCompletionRule>;

export const ACTIVITY_TYPES = ['scorm', 'page', 'file', 'video', 'classroom', 'quiz', 'survey'] as const;
export const ZActivityType = z.enum(ACTIVITY_TYPES);
export type TActivityType = z.infer<typeof ZActivityType>;
/** Quiz and survey are reserved: creating one is answered with ACTIVITY_TYPE_NOT_AVAILABLE. */
export const AVAILABLE_ACTIVITY_TYPES = ['scorm', 'page', 'file', 'video', 'classroom'] as const satisfies readonly TActivityType[];

/** Whether a learner may start a new SCORM attempt: any time, only once the last one is complete, or never (one attempt). */
export const SCORM_ATTEMPT_POLICIES = ['always', 'after_completion', 'never'] as const;
export const ZScormAttemptPolicy = z.enum(SCORM_ATTEMPT_POLICIES);
export type TScormAttemptPolicy = z.infer<typeof ZScormAttemptPolicy>;

export const COMPETENCY_LEVEL_MIN = 1;
export const COMPETENCY_LEVEL_MAX = 5;
/** JP are stored as numeric(6,2). */
export const JP_MAX = 9999.99;
export const PAGE_HTML_MAX = 200_000;
export const COURSE_DESCRIPTION_MAX = 10_000;

/** A competency the course develops, by code (e.g. `M.01`) until the competency model exists, with the level it aims at. */
export const ZCourseCompetency = z.strictObject({
  code: ZCode,
  targetLevel: z.number().int().min(COMPETENCY_LEVEL_MIN).max(COMPETENCY_LEVEL_MAX),
});
export type TCourseCompetency = z.infer<typeof ZCourseCompetency>;

const ZCompetencies = z
  .array(ZCourseCompetency)
  .max(50)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((c, i) => {
      const key = c.code.toUpperCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'This competency is listed twice', params: { code: 'DUPLICATE' } });
      seen.add(key);
    });
  });

const ZJp = z
  .number()
  .min(0)
  .max(JP_MAX)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'At most two decimals' });

const ZDescription = z.string().trim().max(COURSE_DESCRIPTION_MAX);

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

// ---- activity settings, one shape per type ----

/** Rich text shown to the learner; the API sanitises it on write (no scripts, handlers, iframes, styles). */
export const ZPageSettings = z.strictObject({ html: z.string().max(PAGE_HTML_MAX) });
export type TPageSettings = z.infer<typeof ZPageSettings>;
/** Package versions live in the content tables, which reference the activity. */
export const ZScormSettings = z.strictObject({ attemptPolicy: ZScormAttemptPolicy });
export type TScormSettings = z.infer<typeof ZScormSettings>;
/** Filled in by the upload endpoints (storage key, file name, size); nothing a client sets directly. */
export const ZFileSettings = z.object({});
export const ZVideoSettings = z.object({});
/** Placeholder until the enrolment issue adds sessions. */
export const ZClassroomSettings = z.object({});
export const ZReservedSettings = z.object({});

const activityBase = {
  id: z.uuid(),
  courseId: z.uuid(),
  sectionId: z.uuid(),
  title: z.string(),
  required: z.boolean(),
  position: z.number().int(),
};

export const ZCourseActivity = z.discriminatedUnion('type', [
  z.object({ ...activityBase, type: z.literal('scorm'), settings: ZScormSettings }),
  z.object({ ...activityBase, type: z.literal('page'), settings: ZPageSettings }),
  z.object({ ...activityBase, type: z.literal('file'), settings: ZFileSettings }),
  z.object({ ...activityBase, type: z.literal('video'), settings: ZVideoSettings }),
  z.object({ ...activityBase, type: z.literal('classroom'), settings: ZClassroomSettings }),
  z.object({ ...activityBase, type: z.literal('quiz'), settings: ZReservedSettings }),
  z.object({ ...activityBase, type: z.literal('survey'), settings: ZReservedSettings }),
]);
export type TCourseActivity = z.infer<typeof ZCourseActivity>;

export const ZCourseSection = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  /** In order. */
  activities: z.array(ZCourseActivity),
});
export type TCourseSection = z.infer<typeof ZCourseSection>;

export const ZCourseInstructor = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  nip: z.string().nullable(),
  active: z.boolean(),
});
export type TCourseInstructor = z.infer<typeof ZCourseInstructor>;
export const ZCourseInstructorList = z.object({ items: z.array(ZCourseInstructor) });
export type TCourseInstructorList = z.infer<typeof ZCourseInstructorList>;

/** What the caller may do with the course, so the portal shows only the buttons that work. */
export const ZCourseAbilities = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  archive: z.boolean(),
  unarchive: z.boolean(),
  delete: z.boolean(),
  assignInstructors: z.boolean(),
});
export type TCourseAbilities = z.infer<typeof ZCourseAbilities>;

export const ZCourse = z.object({
  id: z.uuid(),
  /** Null: a platform-wide course. */
  agencyId: z.uuid().nullable(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  /** Storage key of the cover image, set by the cover upload. */
  coverImageKey: z.string().nullable(),
  category: ZCourseCategory,
  deliveryMode: ZDeliveryMode,
  /** JP credited on completion. */
  jp: z.number(),
  competencies: z.array(ZCourseCompetency),
  completionRule: ZCompletionRule,
  /** Used when completionRule is `selected`. */
  completionActivityIds: z.array(z.uuid()),
  certificateOnCompletion: z.boolean(),
  status: ZCourseStatus,
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  can: ZCourseAbilities,
});
export type TCourse = z.infer<typeof ZCourse>;

/** A row of the course list. */
export const ZCourseSummary = ZCourse.extend({
  sectionCount: z.number().int(),
  activityCount: z.number().int(),
  instructorCount: z.number().int(),
});
export type TCourseSummary = z.infer<typeof ZCourseSummary>;
export const ZCoursePage = ZPage(ZCourseSummary);
export type TCoursePage = z.infer<typeof ZCoursePage>;

/** `GET /api/courses/:id`: the course with its sections and activities in order and its instructors. */
export const ZCourseDetail = ZCourse.extend({
  sections: z.array(ZCourseSection),
  instructors: z.array(ZCourseInstructor),
});
export type TCourseDetail = z.infer<typeof ZCourseDetail>;

export const COURSE_SORTS = ['updatedAt', 'title', 'code'] as const;

export const ZCourseListQuery = ZPageQuery.extend({
  /** Only this agency's courses (agency admins and instructors may name only their own). */
  agencyId: z.uuid().optional(),
  /** true: only platform-wide courses; false: only agency courses. */
  platformWide: ZQueryBoolean.optional(),
  status: ZCourseStatus.optional(),
  category: ZCourseCategory.optional(),
  deliveryMode: ZDeliveryMode.optional(),
  /** updatedAt sorts newest first; the others alphabetically. */
  sort: z.enum(COURSE_SORTS).default('updatedAt'),
});
export type TCourseListQuery = z.infer<typeof ZCourseListQuery>;

export const ZCreateCourseRequest = z.strictObject({
  /** Platform admins: the agency, or omitted for a platform-wide course. Others: their own agency or omitted. */
  agencyId: z.uuid().optional(),
  code: ZCode,
  title: ZName,
  description: ZDescription.default(''),
  category: ZCourseCategory,
  deliveryMode: ZDeliveryMode,
  jp: ZJp.default(0),
  competencies: ZCompetencies.default([]),
  completionRule: ZCompletionRule.default('all_required'),
  certificateOnCompletion: z.boolean().default(false),
});
export type TCreateCourseRequest = z.input<typeof ZCreateCourseRequest>;

export const ZUpdateCourseRequest = z.strictObject({
  code: ZCode.optional(),
  title: ZName.optional(),
  description: ZDescription.optional(),
  category: ZCourseCategory.optional(),
  deliveryMode: ZDeliveryMode.optional(),
  jp: ZJp.optional(),
  competencies: ZCompetencies.optional(),
  completionRule: ZCompletionRule.optional(),
  /** Activities of this course; checked to exist. */
  completionActivityIds: z.array(z.uuid()).max(500).refine(uniqueIds, { message: 'An activity is listed twice' }).optional(),
  certificateOnCompletion: z.boolean().optional(),
});
export type TUpdateCourseRequest = z.infer<typeof ZUpdateCourseRequest>;

export const ZSetInstructorsRequest = z.strictObject({
  /** The whole new list: users of the course's agency with the instructor role. */
  userIds: z.array(z.uuid()).max(100).refine(uniqueIds, { message: 'A user is listed twice' }),
});
export type TSetInstructorsRequest = z.infer<typeof ZSetInstructorsRequest>;

// ---- sections ----

export const ZCreateSectionRequest = z.strictObject({
  title: ZName,
  description: ZDescription.default(''),
});
export type TCreateSectionRequest = z.input<typeof ZCreateSectionRequest>;

export const ZUpdateSectionRequest = z.strictObject({
  title: ZName.optional(),
  description: ZDescription.optional(),
});
export type TUpdateSectionRequest = z.infer<typeof ZUpdateSectionRequest>;

// ---- activities ----

const activityRequestBase = { title: ZName, required: z.boolean().default(true) };

/** New activities go to the end of the section. Settings default per type where that makes sense. */
export const ZCreateActivityRequest = z.discriminatedUnion('type', [
  z.strictObject({ ...activityRequestBase, type: z.literal('scorm'), settings: ZScormSettings.default({ attemptPolicy: 'always' }) }),
  z.strictObject({ ...activityRequestBase, type: z.literal('page'), settings: ZPageSettings.default({ html: '' }) }),
  z.strictObject({ ...activityRequestBase, type: z.literal('file'), settings: z.strictObject({}).default({}) }),
  z.strictObject({ ...activityRequestBase, type: z.literal('video'), settings: z.strictObject({}).default({}) }),
  z.strictObject({ ...activityRequestBase, type: z.literal('classroom'), settings: z.strictObject({}).default({}) }),
  z.strictObject({ ...activityRequestBase, type: z.literal('quiz'), settings: z.strictObject({}).default({}) }),
  z.strictObject({ ...activityRequestBase, type: z.literal('survey'), settings: z.strictObject({}).default({}) }),
]);
export type TCreateActivityRequest = z.input<typeof ZCreateActivityRequest>;

/**
 * The type never changes. `settings` is checked against the activity's type by the API (page:
 * `{ html }`, scorm: `{ attemptPolicy }`, the others: `{}`), so the portal sends the same shape it read.
 */
export const ZUpdateActivityRequest = z.strictObject({
  title: ZName.optional(),
  required: z.boolean().optional(),
  settings: z.union([ZPageSettings, ZScormSettings, z.strictObject({})]).optional(),
});
export type TUpdateActivityRequest = z.infer<typeof ZUpdateActivityRequest>;

/** The settings schema for each type, for the API's check of `ZUpdateActivityRequest.settings` and for forms. */
export const ACTIVITY_SETTINGS_SCHEMAS = {
  scorm: ZScormSettings,
  page: ZPageSettings,
  file: z.strictObject({}),
  video: z.strictObject({}),
  classroom: z.strictObject({}),
  quiz: z.strictObject({}),
  survey: z.strictObject({}),
} as const satisfies Record<TActivityType, z.ZodType>;

// ---- structure (drag and drop) ----

/**
 * The whole course structure after a drag and drop: every section of the course once, in the new
 * order, each with every activity it now holds, in order. Omitting, repeating or adding an id is
 * refused with STRUCTURE_MISMATCH naming the field.
 */
export const ZCourseStructureRequest = z.strictObject({
  sections: z
    .array(z.strictObject({ id: z.uuid(), activityIds: z.array(z.uuid()).max(1000) }))
    .max(500),
});
export type TCourseStructureRequest = z.infer<typeof ZCourseStructureRequest>;

export const ZCourseSectionParams = z.strictObject({ id: z.uuid(), sectionId: z.uuid() });
export const ZCourseActivityParams = z.strictObject({ id: z.uuid(), activityId: z.uuid() });

// ---- learner's view ----

export const ZOutlineActivity = z.object({
  id: z.uuid(),
  type: ZActivityType,
  title: z.string(),
  required: z.boolean(),
  /** Whether finishing it counts towards completing the course under the course's completion rule. */
  countsForCompletion: z.boolean(),
  /** The sanitised page text, for page activities; null for the others. */
  html: z.string().nullable(),
});
export type TOutlineActivity = z.infer<typeof ZOutlineActivity>;

/**
 * `GET /api/courses/:id/outline`: what a learner sees of the course (the admin portal's "preview as
 * learner"): no authoring data (instructors, abilities, activity settings), no empty sections.
 */
export const ZCourseOutline = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  coverImageKey: z.string().nullable(),
  category: ZCourseCategory,
  deliveryMode: ZDeliveryMode,
  jp: z.number(),
  competencies: z.array(ZCourseCompetency),
  completionRule: ZCompletionRule,
  certificateOnCompletion: z.boolean(),
  status: ZCourseStatus,
  sections: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      description: z.string(),
      activities: z.array(ZOutlineActivity),
    }),
  ),
});
export type TCourseOutline = z.infer<typeof ZCourseOutline>;
