import { issue, type PackageIssue } from './issues';
import { childNamed, childrenNamed } from './namespaces';
import { defined, type ValueReader } from './values';
import type { XmlElement } from './xml';

/*
 * SCORM 2004 sequencing as written in the manifest (IMS Simple Sequencing `imsss:*` with the ADL
 * extensions `adlseq:*`), kept for the sequencing runtime. Faithful, not interpreted:
 *   - an optional property is present only when the manifest states it; the comment gives the
 *     default the runtime must apply otherwise (IMS SS 1.0 / SCORM 2004 SN);
 *   - `idRef` is not merged with the collection entry it names: the runtime starts from
 *     `ScormManifest.sequencingCollection[idRef]` and lets the local element override it;
 *   - enumerations are normalised to the spec's spelling; invalid values are dropped with a
 *     `VALUE_INVALID` warning.
 */

export interface SequencingDefinition {
  /** `ID`: set on entries of `imsss:sequencingCollection`. */
  id?: string;
  /** `IDRef`: the collection entry this definition extends. */
  idRef?: string;
  controlMode?: ControlMode;
  sequencingRules?: SequencingRules;
  limitConditions?: LimitConditions;
  rollupRules?: RollupRules;
  objectives?: SequencingObjectives;
  randomizationControls?: RandomizationControls;
  deliveryControls?: DeliveryControls;
  /** `adlseq:constrainedChoiceConsiderations` */
  constrainedChoiceConsiderations?: ConstrainedChoiceConsiderations;
  /** `adlseq:rollupConsiderations` */
  rollupConsiderations?: RollupConsiderations;
  /** `adlseq:objectives` (4th edition): extra read/write maps for the objectives above. */
  adlObjectives?: AdlObjective[];
}

export interface ControlMode {
  /** default true */
  choice?: boolean;
  /** default true */
  choiceExit?: boolean;
  /** default false */
  flow?: boolean;
  /** default false */
  forwardOnly?: boolean;
  /** default true */
  useCurrentAttemptObjectiveInfo?: boolean;
  /** default true */
  useCurrentAttemptProgressInfo?: boolean;
}

export const RULE_CONDITIONS = [
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'objectiveMeasureGreaterThan',
  'objectiveMeasureLessThan',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
  'always',
] as const;
export type RuleConditionType = (typeof RULE_CONDITIONS)[number];

export const PRE_CONDITION_ACTIONS = ['skip', 'disabled', 'hiddenFromChoice', 'stopForwardTraversal'] as const;
export const EXIT_CONDITION_ACTIONS = ['exit'] as const;
export const POST_CONDITION_ACTIONS = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous'] as const;
export type PreConditionAction = (typeof PRE_CONDITION_ACTIONS)[number];
export type ExitConditionAction = (typeof EXIT_CONDITION_ACTIONS)[number];
export type PostConditionAction = (typeof POST_CONDITION_ACTIONS)[number];

export type ConditionOperator = 'noOp' | 'not';
export type ConditionCombination = 'all' | 'any';

export interface RuleCondition {
  condition: RuleConditionType;
  /** default 'noOp' */
  operator?: ConditionOperator;
  /** Objective ID of this activity; default: the primary objective. */
  referencedObjective?: string;
  /** -1..1, used by the measure comparisons; default 0.0 */
  measureThreshold?: number;
}

export interface SequencingRule<Action extends string> {
  /** `ruleConditions@conditionCombination`; default 'all' */
  conditionCombination?: ConditionCombination;
  conditions: RuleCondition[];
  /** Absent only when the manifest's action is missing or invalid (warned). */
  action?: Action;
}

export interface SequencingRules {
  preConditionRules: SequencingRule<PreConditionAction>[];
  exitConditionRules: SequencingRule<ExitConditionAction>[];
  postConditionRules: SequencingRule<PostConditionAction>[];
}

/** All optional; SCORM honours only `attemptLimit` and `attemptAbsoluteDurationLimit`. */
export interface LimitConditions {
  /** non-negative; 0 or absent means unlimited */
  attemptLimit?: number;
  /** xs:duration, e.g. `PT1H30M` */
  attemptAbsoluteDurationLimit?: string;
  attemptExperiencedDurationLimit?: string;
  activityAbsoluteDurationLimit?: string;
  activityExperiencedDurationLimit?: string;
  /** xs:dateTime */
  beginTimeLimit?: string;
  endTimeLimit?: string;
}

export const ROLLUP_CONDITIONS = [
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
] as const;
export type RollupConditionType = (typeof ROLLUP_CONDITIONS)[number];
export const ROLLUP_ACTIONS = ['satisfied', 'notSatisfied', 'completed', 'incomplete'] as const;
export type RollupAction = (typeof ROLLUP_ACTIONS)[number];
export const CHILD_ACTIVITY_SETS = ['all', 'any', 'none', 'atLeastCount', 'atLeastPercent'] as const;
export type ChildActivitySet = (typeof CHILD_ACTIVITY_SETS)[number];

export interface RollupCondition {
  condition: RollupConditionType;
  /** default 'noOp' */
  operator?: ConditionOperator;
}

export interface RollupRule {
  /** default 'all' */
  childActivitySet?: ChildActivitySet;
  /** for 'atLeastCount'; default 0 */
  minimumCount?: number;
  /** 0..1, for 'atLeastPercent'; default 0.0 */
  minimumPercent?: number;
  /** `rollupConditions@conditionCombination`; default 'any' (unlike sequencing rules) */
  conditionCombination?: ConditionCombination;
  conditions: RollupCondition[];
  action?: RollupAction;
}

export interface RollupRules {
  /** default true */
  rollupObjectiveSatisfied?: boolean;
  /** default true */
  rollupProgressCompletion?: boolean;
  /** 0..1; default 1.0 */
  objectiveMeasureWeight?: number;
  rules: RollupRule[];
}

export interface ObjectiveMapInfo {
  /** The global objective ID. */
  targetObjectiveId: string;
  /** default true */
  readSatisfiedStatus?: boolean;
  /** default true */
  readNormalizedMeasure?: boolean;
  /** default false */
  writeSatisfiedStatus?: boolean;
  /** default false */
  writeNormalizedMeasure?: boolean;
}

export interface SequencingObjective {
  /** Required for secondary objectives; optional for the primary one. */
  objectiveId?: string;
  /** default false */
  satisfiedByMeasure?: boolean;
  /** -1..1 (`imsss:minNormalizedMeasure`); default 1.0 */
  minNormalizedMeasure?: number;
  mapInfo: ObjectiveMapInfo[];
}

export interface SequencingObjectives {
  primary?: SequencingObjective;
  secondary: SequencingObjective[];
}

export interface RandomizationControls {
  /** default 'never' */
  randomizationTiming?: 'never' | 'once' | 'onEachNewAttempt';
  selectCount?: number;
  /** default false */
  reorderChildren?: boolean;
  /** default 'never' */
  selectionTiming?: 'never' | 'once' | 'onEachNewAttempt';
}

export interface DeliveryControls {
  /** default true */
  tracked?: boolean;
  /** default false */
  completionSetByContent?: boolean;
  /** default false */
  objectiveSetByContent?: boolean;
}

export interface ConstrainedChoiceConsiderations {
  /** default false */
  preventActivation?: boolean;
  /** default false */
  constrainChoice?: boolean;
}

export type RollupConsideration = 'always' | 'ifAttempted' | 'ifNotSkipped' | 'ifNotSuspended';

export interface RollupConsiderations {
  /** each default 'always' */
  requiredForSatisfied?: RollupConsideration;
  requiredForNotSatisfied?: RollupConsideration;
  requiredForCompleted?: RollupConsideration;
  requiredForIncomplete?: RollupConsideration;
  /** default false */
  measureSatisfactionIfActive?: boolean;
}

/** `adlseq:mapInfo`: every flag defaults to false. */
export interface AdlObjectiveMapInfo {
  targetObjectiveId: string;
  readRawScore?: boolean;
  readMinScore?: boolean;
  readMaxScore?: boolean;
  readCompletionStatus?: boolean;
  readProgressMeasure?: boolean;
  writeRawScore?: boolean;
  writeMinScore?: boolean;
  writeMaxScore?: boolean;
  writeCompletionStatus?: boolean;
  writeProgressMeasure?: boolean;
}

export interface AdlObjective {
  objectiveId: string;
  mapInfo: AdlObjectiveMapInfo[];
}

/** `adlnav:presentation`: LMS navigation controls the content asks to hide while it is shown. */
export interface NavigationPresentation {
  hideLmsUi: HideLmsUiControl[];
}
export const HIDE_LMS_UI_CONTROLS = ['abandon', 'abandonAll', 'continue', 'exit', 'exitAll', 'previous', 'suspendAll'] as const;
export type HideLmsUiControl = (typeof HIDE_LMS_UI_CONTROLS)[number];

const TIMINGS = ['never', 'once', 'onEachNewAttempt'] as const;
const CONSIDERATIONS = ['always', 'ifAttempted', 'ifNotSkipped', 'ifNotSuspended'] as const;
const OPERATORS = ['noOp', 'not'] as const;
const COMBINATIONS = ['all', 'any'] as const;
const ADL_MAP_FLAGS = [
  'readRawScore',
  'readMinScore',
  'readMaxScore',
  'readCompletionStatus',
  'readProgressMeasure',
  'writeRawScore',
  'writeMinScore',
  'writeMaxScore',
  'writeCompletionStatus',
  'writeProgressMeasure',
] as const;

/** Parses one `imsss:sequencing` element; unknown children are reported as unsupported. */
export function parseSequencing(element: XmlElement, values: ValueReader, issues: PackageIssue[]): SequencingDefinition {
  const ss = (name: string) => childNamed(element, name, ['imsss', 'imscp', 'other']);
  const adl = (name: string) => childNamed(element, name, ['adlseq']);
  const controlMode = ss('controlMode');
  const rules = ss('sequencingRules');
  const limits = ss('limitConditions');
  const rollup = ss('rollupRules');
  const objectives = ss('objectives');
  const randomization = ss('randomizationControls');
  const delivery = ss('deliveryControls');
  const constrained = adl('constrainedChoiceConsiderations');
  const considerations = adl('rollupConsiderations');
  const adlObjectives = adl('objectives');

  for (const child of element.children) {
    if (!KNOWN_CHILDREN.has(child.name.toLowerCase())) {
      const name = child.prefix ? `${child.prefix}:${child.name}` : child.name;
      issues.push(
        issue('UNSUPPORTED_FEATURE', `<${name}> inside sequencing is not supported and is ignored`, {
          line: child.line,
          details: { feature: name },
        }),
      );
    }
  }

  return defined({
    id: values.string(element, 'ID'),
    idRef: values.string(element, 'IDRef'),
    controlMode: controlMode && defined<ControlMode>({
      choice: values.boolean(controlMode, 'choice'),
      choiceExit: values.boolean(controlMode, 'choiceExit'),
      flow: values.boolean(controlMode, 'flow'),
      forwardOnly: values.boolean(controlMode, 'forwardOnly'),
      useCurrentAttemptObjectiveInfo: values.boolean(controlMode, 'useCurrentAttemptObjectiveInfo'),
      useCurrentAttemptProgressInfo: values.boolean(controlMode, 'useCurrentAttemptProgressInfo'),
    }),
    sequencingRules: rules && {
      preConditionRules: childrenNamed(rules, 'preConditionRule').map((r) => parseRule(r, PRE_CONDITION_ACTIONS, values)),
      exitConditionRules: childrenNamed(rules, 'exitConditionRule').map((r) => parseRule(r, EXIT_CONDITION_ACTIONS, values)),
      postConditionRules: childrenNamed(rules, 'postConditionRule').map((r) => parseRule(r, POST_CONDITION_ACTIONS, values)),
    },
    limitConditions: limits && defined<LimitConditions>({
      attemptLimit: values.integer(limits, 'attemptLimit', { min: 0 }),
      attemptAbsoluteDurationLimit: values.string(limits, 'attemptAbsoluteDurationLimit'),
      attemptExperiencedDurationLimit: values.string(limits, 'attemptExperiencedDurationLimit'),
      activityAbsoluteDurationLimit: values.string(limits, 'activityAbsoluteDurationLimit'),
      activityExperiencedDurationLimit: values.string(limits, 'activityExperiencedDurationLimit'),
      beginTimeLimit: values.string(limits, 'beginTimeLimit'),
      endTimeLimit: values.string(limits, 'endTimeLimit'),
    }),
    rollupRules: rollup && parseRollupRules(rollup, values),
    objectives: objectives && parseObjectives(objectives, values),
    randomizationControls: randomization && defined<RandomizationControls>({
      randomizationTiming: values.token(randomization, 'randomizationTiming', TIMINGS),
      selectCount: values.integer(randomization, 'selectCount', { min: 0 }),
      reorderChildren: values.boolean(randomization, 'reorderChildren'),
      selectionTiming: values.token(randomization, 'selectionTiming', TIMINGS),
    }),
    deliveryControls: delivery && defined<DeliveryControls>({
      tracked: values.boolean(delivery, 'tracked'),
      completionSetByContent: values.boolean(delivery, 'completionSetByContent'),
      objectiveSetByContent: values.boolean(delivery, 'objectiveSetByContent'),
    }),
    constrainedChoiceConsiderations: constrained && defined<ConstrainedChoiceConsiderations>({
      preventActivation: values.boolean(constrained, 'preventActivation'),
      constrainChoice: values.boolean(constrained, 'constrainChoice'),
    }),
    rollupConsiderations: considerations && defined<RollupConsiderations>({
      requiredForSatisfied: values.token(considerations, 'requiredForSatisfied', CONSIDERATIONS),
      requiredForNotSatisfied: values.token(considerations, 'requiredForNotSatisfied', CONSIDERATIONS),
      requiredForCompleted: values.token(considerations, 'requiredForCompleted', CONSIDERATIONS),
      requiredForIncomplete: values.token(considerations, 'requiredForIncomplete', CONSIDERATIONS),
      measureSatisfactionIfActive: values.boolean(considerations, 'measureSatisfactionIfActive'),
    }),
    adlObjectives: adlObjectives && childrenNamed(adlObjectives, 'objective').map((o) => parseAdlObjective(o, values)),
  });
}

const KNOWN_CHILDREN = new Set(
  [
    'controlMode',
    'sequencingRules',
    'limitConditions',
    'rollupRules',
    'objectives',
    'randomizationControls',
    'deliveryControls',
    'constrainedChoiceConsiderations',
    'rollupConsiderations',
  ].map((n) => n.toLowerCase()),
);

function parseRule<Action extends string>(
  rule: XmlElement,
  actions: readonly Action[],
  values: ValueReader,
): SequencingRule<Action> {
  const conditions = childNamed(rule, 'ruleConditions');
  const action = childNamed(rule, 'ruleAction');
  return defined({
    conditionCombination: conditions && values.token(conditions, 'conditionCombination', COMBINATIONS),
    conditions: (conditions ? childrenNamed(conditions, 'ruleCondition') : []).flatMap((c) => {
      const condition = values.token(c, 'condition', RULE_CONDITIONS);
      if (condition === undefined) return [];
      return [
        defined<RuleCondition>({
          condition,
          operator: values.token(c, 'operator', OPERATORS),
          referencedObjective: values.string(c, 'referencedObjective'),
          measureThreshold: values.decimal(c, 'measureThreshold', { min: -1, max: 1 }),
        }),
      ];
    }),
    action: action && values.token(action, 'action', actions),
  });
}

function parseRollupRules(rollup: XmlElement, values: ValueReader): RollupRules {
  return defined({
    rollupObjectiveSatisfied: values.boolean(rollup, 'rollupObjectiveSatisfied'),
    rollupProgressCompletion: values.boolean(rollup, 'rollupProgressCompletion'),
    objectiveMeasureWeight: values.decimal(rollup, 'objectiveMeasureWeight', { min: 0, max: 1 }),
    rules: childrenNamed(rollup, 'rollupRule').map((rule) => {
      const conditions = childNamed(rule, 'rollupConditions');
      const action = childNamed(rule, 'rollupAction');
      return defined<RollupRule>({
        childActivitySet: values.token(rule, 'childActivitySet', CHILD_ACTIVITY_SETS),
        minimumCount: values.integer(rule, 'minimumCount', { min: 0 }),
        minimumPercent: values.decimal(rule, 'minimumPercent', { min: 0, max: 1 }),
        conditionCombination: conditions && values.token(conditions, 'conditionCombination', COMBINATIONS),
        conditions: (conditions ? childrenNamed(conditions, 'rollupCondition') : []).flatMap((c) => {
          const condition = values.token(c, 'condition', ROLLUP_CONDITIONS);
          return condition === undefined ? [] : [defined<RollupCondition>({ condition, operator: values.token(c, 'operator', OPERATORS) })];
        }),
        action: action && values.token(action, 'action', ROLLUP_ACTIONS),
      });
    }),
  });
}

function parseObjectives(objectives: XmlElement, values: ValueReader): SequencingObjectives {
  const primary = childNamed(objectives, 'primaryObjective');
  return defined({
    primary: primary && parseObjective(primary, values),
    secondary: childrenNamed(objectives, 'objective').map((o) => parseObjective(o, values)),
  });
}

function parseObjective(objective: XmlElement, values: ValueReader): SequencingObjective {
  const measure = childNamed(objective, 'minNormalizedMeasure');
  return defined({
    objectiveId: values.string(objective, 'objectiveID'),
    satisfiedByMeasure: values.boolean(objective, 'satisfiedByMeasure'),
    minNormalizedMeasure: measure && values.decimalText(measure, { min: -1, max: 1 }),
    mapInfo: childrenNamed(objective, 'mapInfo').flatMap((m) => {
      const targetObjectiveId = values.string(m, 'targetObjectiveID');
      if (targetObjectiveId === undefined) return [];
      return [
        defined<ObjectiveMapInfo>({
          targetObjectiveId,
          readSatisfiedStatus: values.boolean(m, 'readSatisfiedStatus'),
          readNormalizedMeasure: values.boolean(m, 'readNormalizedMeasure'),
          writeSatisfiedStatus: values.boolean(m, 'writeSatisfiedStatus'),
          writeNormalizedMeasure: values.boolean(m, 'writeNormalizedMeasure'),
        }),
      ];
    }),
  });
}

function parseAdlObjective(objective: XmlElement, values: ValueReader): AdlObjective {
  return {
    objectiveId: values.string(objective, 'objectiveID') ?? '',
    mapInfo: childrenNamed(objective, 'mapInfo').flatMap((m) => {
      const targetObjectiveId = values.string(m, 'targetObjectiveID');
      if (targetObjectiveId === undefined) return [];
      const flags = Object.fromEntries(ADL_MAP_FLAGS.map((flag) => [flag, values.boolean(m, flag)]));
      return [defined<AdlObjectiveMapInfo>({ targetObjectiveId, ...flags })];
    }),
  };
}

/** Parses `adlnav:presentation`; `null` when it hides nothing. */
export function parsePresentation(element: XmlElement, values: ValueReader): NavigationPresentation | null {
  const hideLmsUi = childrenNamed(element, 'navigationInterface')
    .flatMap((nav) => childrenNamed(nav, 'hideLMSUI'))
    .map((hide) => values.tokenText(hide, HIDE_LMS_UI_CONTROLS))
    .filter((control): control is HideLmsUiControl => control !== undefined);
  return hideLmsUi.length === 0 ? null : { hideLmsUi: [...new Set(hideLmsUi)] };
}
