import { compareText } from './compare';
import { isIsoDate } from './dates';
import { CompetencyError } from './errors';

/**
 * The yearly competency development plan (rencana pengembangan kompetensi): programs with a
 * competency, a route and form, a provider, a schedule, target employees, JP and budget; and the
 * plan's approval status.
 */
export const DEVELOPMENT_ROUTES = ['klasikal', 'non_klasikal'] as const;
export type DevelopmentRoute = (typeof DEVELOPMENT_ROUTES)[number];

/**
 * Forms per route. Klasikal: face-to-face training, workshops, seminars, classroom courses.
 * Non-klasikal: e-learning, distance training, self-study, coaching, mentoring, internship
 * (magang), exchange (pertukaran), benchmarking, secondment (detasering), team building.
 */
export const DEFAULT_DEVELOPMENT_FORMS = {
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
} as const satisfies Record<DevelopmentRoute, readonly string[]>;

export type DevelopmentForms = Readonly<Record<DevelopmentRoute, readonly string[]>>;

export interface DevelopmentProgram {
  id: string;
  competencyCode: string;
  route: DevelopmentRoute;
  form: string;
  provider: string;
  schedule: { start: string; end: string };
  targetEmployeeIds: readonly string[];
  jpPerPerson: number;
  /** Whole program, integer rupiah. */
  budget: number;
}

// ---------------------------------------------------------------------------------------------
// Totals

export interface ProgramTotals {
  programs: number;
  /** JP delivered: Σ JP per person × distinct target employees. */
  personJp: number;
  /** Integer rupiah. */
  budget: number;
  /** Distinct employees targeted. */
  people: number;
}

export interface PlanTotals extends ProgramTotals {
  byRoute: Record<DevelopmentRoute, ProgramTotals>;
  /** Sorted by competency code. */
  byCompetency: ({ competencyCode: string } & ProgramTotals)[];
}

/**
 * Totals of a plan. `people` counts each employee once even when several programs target them, so
 * it is not the sum of the programs' sizes (and the routes' `people` need not add up to it).
 * Throws `INVALID_INPUT` for an unknown route, negative JP or a budget that is not a whole,
 * non-negative rupiah amount.
 */
export function planTotals(programs: readonly DevelopmentProgram[]): PlanTotals {
  const byRoute = new Map<DevelopmentRoute, DevelopmentProgram[]>(DEVELOPMENT_ROUTES.map((route) => [route, []]));
  const byCompetency = new Map<string, DevelopmentProgram[]>();
  for (const program of programs) {
    assertProgramNumbers(program);
    byRoute.get(program.route)!.push(program);
    const list = byCompetency.get(program.competencyCode);
    if (list) list.push(program);
    else byCompetency.set(program.competencyCode, [program]);
  }
  return {
    ...totalsOf(programs),
    byRoute: Object.fromEntries(DEVELOPMENT_ROUTES.map((route) => [route, totalsOf(byRoute.get(route)!)])) as Record<
      DevelopmentRoute,
      ProgramTotals
    >,
    byCompetency: [...byCompetency.keys()]
      .sort(compareText)
      .map((competencyCode) => ({ competencyCode, ...totalsOf(byCompetency.get(competencyCode)!) })),
  };
}

function totalsOf(programs: readonly DevelopmentProgram[]): ProgramTotals {
  const people = new Set<string>();
  let personJp = 0;
  let budget = 0;
  for (const program of programs) {
    const targets = new Set(program.targetEmployeeIds);
    for (const id of targets) people.add(id);
    personJp += program.jpPerPerson * targets.size;
    budget += program.budget;
  }
  if (!Number.isSafeInteger(budget)) {
    throw new CompetencyError('INVALID_INPUT', 'The budget total is too large to add up exactly', { budget });
  }
  return { programs: programs.length, personJp: Math.round(personJp * 1e6) / 1e6, budget, people: people.size };
}

/** Totals must add up exactly, so the parts they add must be sound (the forms check the rest). */
function assertProgramNumbers(program: DevelopmentProgram): void {
  if (!(DEVELOPMENT_ROUTES as readonly string[]).includes(program.route)) {
    throw new CompetencyError('INVALID_INPUT', 'Route is klasikal or non_klasikal', { programId: program.id, route: program.route });
  }
  if (!Number.isFinite(program.jpPerPerson) || program.jpPerPerson < 0) {
    throw new CompetencyError('INVALID_INPUT', 'JP per person must be a number >= 0', { programId: program.id });
  }
  if (!Number.isSafeInteger(program.budget) || program.budget < 0) {
    throw new CompetencyError('INVALID_INPUT', 'A budget is a whole, non-negative number of rupiah', {
      programId: program.id,
      budget: program.budget,
    });
  }
}

/** JP each employee would earn if the plan is carried out, to set against their yearly target. */
export function plannedJpByEmployee(programs: readonly DevelopmentProgram[]): Map<string, number> {
  const jp = new Map<string, number>();
  for (const program of programs) {
    for (const id of new Set(program.targetEmployeeIds)) jp.set(id, (jp.get(id) ?? 0) + program.jpPerPerson);
  }
  return jp;
}

// ---------------------------------------------------------------------------------------------
// Validation

export type ProgramProblemCode =
  | 'COMPETENCY_UNKNOWN'
  | 'ROUTE_INVALID'
  | 'FORM_INVALID'
  | 'PROVIDER_MISSING'
  | 'SCHEDULE_INVALID'
  | 'SCHEDULE_REVERSED'
  | 'TARGETS_EMPTY'
  | 'TARGET_DUPLICATE'
  | 'JP_INVALID'
  | 'BUDGET_INVALID'
  | 'PLAN_EMPTY';

export interface ProgramProblem {
  code: ProgramProblemCode;
  programId: string | null;
  field: keyof DevelopmentProgram | null;
  message: string;
}

export function validateProgram(
  program: DevelopmentProgram,
  context: { knownCompetencyCodes?: ReadonlySet<string>; forms?: DevelopmentForms } = {},
): ProgramProblem[] {
  const forms = context.forms ?? DEFAULT_DEVELOPMENT_FORMS;
  const problems: ProgramProblem[] = [];
  const add = (code: ProgramProblemCode, field: keyof DevelopmentProgram, message: string) =>
    problems.push({ code, programId: program.id, field, message });

  if (context.knownCompetencyCodes && !context.knownCompetencyCodes.has(program.competencyCode)) {
    add('COMPETENCY_UNKNOWN', 'competencyCode', `${program.competencyCode} is not in the dictionary`);
  }
  if (!(DEVELOPMENT_ROUTES as readonly string[]).includes(program.route)) {
    add('ROUTE_INVALID', 'route', 'Route is klasikal or non_klasikal');
  } else if (!forms[program.route].includes(program.form)) {
    add('FORM_INVALID', 'form', `Forms of route ${program.route}: ${forms[program.route].join(', ')}`);
  }
  if (!program.provider?.trim()) add('PROVIDER_MISSING', 'provider', 'The program needs a provider');
  const { start, end } = program.schedule ?? {};
  if (!isIsoDate(start) || !isIsoDate(end)) add('SCHEDULE_INVALID', 'schedule', 'Start and end are dates as YYYY-MM-DD');
  else if (end < start) add('SCHEDULE_REVERSED', 'schedule', 'The program ends before it starts');
  if (program.targetEmployeeIds.length === 0) add('TARGETS_EMPTY', 'targetEmployeeIds', 'The program targets nobody');
  if (new Set(program.targetEmployeeIds).size !== program.targetEmployeeIds.length) {
    add('TARGET_DUPLICATE', 'targetEmployeeIds', 'An employee is targeted twice');
  }
  if (!Number.isFinite(program.jpPerPerson) || program.jpPerPerson <= 0) add('JP_INVALID', 'jpPerPerson', 'JP per person must be above 0');
  if (!Number.isSafeInteger(program.budget) || program.budget < 0) {
    add('BUDGET_INVALID', 'budget', 'A budget is a whole, non-negative number of rupiah');
  }
  return problems;
}

/** What stops a plan from being submitted: no programs, or any program problem. */
export function validatePlanForSubmission(
  programs: readonly DevelopmentProgram[],
  context: Parameters<typeof validateProgram>[1] = {},
): ProgramProblem[] {
  if (programs.length === 0) return [{ code: 'PLAN_EMPTY', programId: null, field: null, message: 'The plan has no programs' }];
  return programs.flatMap((program) => validateProgram(program, context));
}

// ---------------------------------------------------------------------------------------------
// Status

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_ACTIONS = ['submit', 'approve', 'reject', 'revise'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * HR staff draft and submit; the head of agency approves or rejects; a rejected plan goes back to
 * draft for revision. An approved plan is final.
 */
export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, Readonly<Partial<Record<PlanAction, PlanStatus>>>>> = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', reject: 'rejected' },
  rejected: { revise: 'draft' },
  approved: {},
};

export function allowedPlanActions(status: PlanStatus): PlanAction[] {
  return PLAN_ACTIONS.filter((action) => PLAN_TRANSITIONS[status]?.[action] !== undefined);
}

export function canTransitionPlan(from: PlanStatus, to: PlanStatus): boolean {
  return Object.values(PLAN_TRANSITIONS[from] ?? {}).includes(to);
}

/** The status after `action`; throws `INVALID_TRANSITION` when the action is not allowed. */
export function nextPlanStatus(from: PlanStatus, action: PlanAction): PlanStatus {
  const to = PLAN_TRANSITIONS[from]?.[action];
  if (to === undefined) {
    throw new CompetencyError('INVALID_TRANSITION', `Action ${action} is not allowed when the plan is ${from}`, {
      from,
      action,
      allowed: allowedPlanActions(from),
    });
  }
  return to;
}
