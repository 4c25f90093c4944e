import { defaultOrganization, type ScormItem, type ScormManifest, type ScormOrganization } from './manifest';
import type { AdlObjectiveMapInfo, RuleCondition, SequencingDefinition, SequencingObjective, SequencingRule } from './sequencing';

/*
 * The manifest's SCORM 2004 sequencing (organization + items, IMS SS / ADL) turned into the
 * `sequencing` settings of scorm-again's Scorm2004API (its `SequencingSettings` type), which the
 * launcher on the content origin hands to scorm-again as they are. The types below mirror the
 * subset of scorm-again's settings this module writes (scorm-again 3.4, dist/types/types/
 * sequencing_types.d.ts), so this package stays free of the browser library.
 *
 * The activity tree's ids are the manifest item identifiers, so scorm-again's delivered activity
 * is the item the launcher loads. Collection entries (`IDRef`) are merged here: the item's own
 * elements override the collection's, element by element.
 */

export interface SequencingSettingsJson {
  activityTree: ActivitySettingsJson;
}

export interface ActivitySettingsJson {
  id: string;
  title: string;
  isVisible?: boolean;
  children?: ActivitySettingsJson[];
  attemptLimit?: number | null;
  attemptAbsoluteDurationLimit?: string | null;
  activityAbsoluteDurationLimit?: string | null;
  beginTimeLimit?: string | null;
  endTimeLimit?: string | null;
  primaryObjective?: ObjectiveSettingsJson;
  objectives?: ObjectiveSettingsJson[];
  sequencingRules?: {
    preConditionRules?: RuleSettingsJson[];
    exitConditionRules?: RuleSettingsJson[];
    postConditionRules?: RuleSettingsJson[];
  };
  sequencingControls?: Record<string, boolean | number | string | null>;
  deliveryControls?: { tracked?: boolean; completionSetByContent?: boolean; objectiveSetByContent?: boolean };
  rollupRules?: { rules: RollupRuleSettingsJson[] };
  rollupConsiderations?: Record<string, string | boolean>;
  completionThreshold?: { completedByMeasure?: boolean; minProgressMeasure?: number; progressWeight?: number };
  hideLmsUi?: string[];
}

export interface ObjectiveSettingsJson {
  objectiveID: string;
  isPrimary?: boolean;
  satisfiedByMeasure?: boolean;
  minNormalizedMeasure?: number | null;
  mapInfo?: Array<Record<string, string | boolean>>;
}

export interface RuleSettingsJson {
  action: string;
  conditionCombination?: 'all' | 'any';
  conditions: Array<{ condition: string; operator?: 'not'; referencedObjective?: string; parameters?: Record<string, number> }>;
}

export interface RollupRuleSettingsJson {
  action: string;
  /** childActivitySet */
  consideration?: string;
  minimumCount?: number;
  /** 0..100 in scorm-again (the manifest writes 0..1). */
  minimumPercent?: number;
  conditionCombination?: 'all' | 'any';
  conditions: Array<{ condition: string; operator?: 'not' }>;
}

/** True when the manifest states IMS SS sequencing anywhere (organization, an item, the collection). */
export function declaresSequencing(manifest: ScormManifest): boolean {
  const org = defaultOrganization(manifest);
  if (!org) return false;
  const anyItem = (items: readonly ScormItem[]): boolean => items.some((item) => item.sequencing !== null || anyItem(item.children));
  return org.sequencing !== null || manifest.sequencingCollection.length > 0 || anyItem(org.items);
}

/**
 * scorm-again `SequencingSettings` for the manifest's default organization, or null for SCORM 1.2
 * and for 2004 packages that declare no sequencing at all (the launcher then navigates the table
 * of contents itself, with Continue/Previous/choice always available).
 */
export function buildSequencingSettings(manifest: ScormManifest): SequencingSettingsJson | null {
  if (manifest.standard !== 'scorm2004' || !declaresSequencing(manifest)) return null;
  const org = defaultOrganization(manifest);
  if (!org) return null;
  const collection = new Map(manifest.sequencingCollection.filter((entry) => entry.id).map((entry) => [entry.id!, entry]));
  return { activityTree: organizationActivity(org, collection) };
}

type Collection = Map<string, SequencingDefinition>;

function organizationActivity(org: ScormOrganization, collection: Collection): ActivitySettingsJson {
  return {
    ...definitionSettings(resolve(org.sequencing, collection)),
    id: org.identifier,
    title: org.title,
    children: org.items.map((item) => itemActivity(item, collection)),
  };
}

function itemActivity(item: ScormItem, collection: Collection): ActivitySettingsJson {
  const activity: ActivitySettingsJson = {
    ...definitionSettings(resolve(item.sequencing, collection)),
    id: item.identifier,
    title: item.title,
    isVisible: item.isVisible,
  };
  if (item.children.length > 0) activity.children = item.children.map((child) => itemActivity(child, collection));
  const threshold = item.completionThreshold;
  if (threshold) {
    const minProgressMeasure = threshold.value ?? threshold.minProgressMeasure;
    activity.completionThreshold = {
      // A 3rd-edition threshold (element text) means completion by measure against that value.
      completedByMeasure: threshold.completedByMeasure ?? threshold.value !== undefined,
      ...(minProgressMeasure !== undefined ? { minProgressMeasure } : {}),
      ...(threshold.progressWeight !== undefined ? { progressWeight: threshold.progressWeight } : {}),
    };
  }
  if (item.presentation && item.presentation.hideLmsUi.length > 0) activity.hideLmsUi = [...item.presentation.hideLmsUi];
  return activity;
}

/** The collection entry named by `idRef`, overridden element by element by the local definition. */
function resolve(definition: SequencingDefinition | null, collection: Collection): SequencingDefinition | null {
  if (!definition) return null;
  const base = definition.idRef ? collection.get(definition.idRef) : undefined;
  if (!base) return definition;
  const merged: SequencingDefinition = { ...base };
  for (const [key, value] of Object.entries(definition) as Array<[keyof SequencingDefinition, unknown]>) {
    if (value !== undefined && key !== 'id' && key !== 'idRef') (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

function definitionSettings(definition: SequencingDefinition | null): Partial<ActivitySettingsJson> {
  if (!definition) return {};
  const out: Partial<ActivitySettingsJson> = {};
  const controls: Record<string, boolean | number | string | null> = {};
  const mode = definition.controlMode;
  if (mode) {
    for (const key of ['choice', 'choiceExit', 'flow', 'forwardOnly', 'useCurrentAttemptObjectiveInfo', 'useCurrentAttemptProgressInfo'] as const) {
      if (mode[key] !== undefined) controls[key] = mode[key];
    }
  }
  const rollup = definition.rollupRules;
  if (rollup) {
    if (rollup.rollupObjectiveSatisfied !== undefined) controls.rollupObjectiveSatisfied = rollup.rollupObjectiveSatisfied;
    if (rollup.rollupProgressCompletion !== undefined) controls.rollupProgressCompletion = rollup.rollupProgressCompletion;
    if (rollup.objectiveMeasureWeight !== undefined) controls.objectiveMeasureWeight = rollup.objectiveMeasureWeight;
    if (rollup.rules.length > 0) {
      out.rollupRules = {
        rules: rollup.rules
          .filter((rule) => rule.action !== undefined)
          .map((rule) => ({
            action: rule.action!,
            consideration: rule.childActivitySet ?? 'all',
            ...(rule.minimumCount !== undefined ? { minimumCount: rule.minimumCount } : {}),
            ...(rule.minimumPercent !== undefined ? { minimumPercent: rule.minimumPercent * 100 } : {}),
            conditionCombination: rule.conditionCombination ?? 'any',
            conditions: rule.conditions.map((condition) => ({
              condition: condition.condition,
              ...(condition.operator === 'not' ? { operator: 'not' as const } : {}),
            })),
          })),
      };
    }
  }
  const random = definition.randomizationControls;
  if (random) {
    if (random.randomizationTiming !== undefined) controls.randomizationTiming = random.randomizationTiming;
    if (random.selectionTiming !== undefined) controls.selectionTiming = random.selectionTiming;
    if (random.selectCount !== undefined) controls.selectCount = random.selectCount;
    if (random.reorderChildren !== undefined) {
      controls.reorderChildren = random.reorderChildren;
      controls.randomizeChildren = random.reorderChildren;
    }
  }
  const considerations = definition.constrainedChoiceConsiderations;
  if (considerations?.preventActivation !== undefined) controls.preventActivation = considerations.preventActivation;
  if (considerations?.constrainChoice !== undefined) controls.constrainChoice = considerations.constrainChoice;
  if (Object.keys(controls).length > 0) out.sequencingControls = controls;

  if (definition.deliveryControls) out.deliveryControls = { ...definition.deliveryControls };
  if (definition.rollupConsiderations) out.rollupConsiderations = { ...definition.rollupConsiderations };

  const rules = definition.sequencingRules;
  if (rules) {
    out.sequencingRules = {
      preConditionRules: rules.preConditionRules.flatMap(ruleSettings),
      exitConditionRules: rules.exitConditionRules.flatMap(ruleSettings),
      postConditionRules: rules.postConditionRules.flatMap(ruleSettings),
    };
  }

  const limits = definition.limitConditions;
  if (limits) {
    if (limits.attemptLimit !== undefined && limits.attemptLimit > 0) out.attemptLimit = limits.attemptLimit;
    if (limits.attemptAbsoluteDurationLimit) out.attemptAbsoluteDurationLimit = limits.attemptAbsoluteDurationLimit;
    if (limits.activityAbsoluteDurationLimit) out.activityAbsoluteDurationLimit = limits.activityAbsoluteDurationLimit;
    if (limits.beginTimeLimit) out.beginTimeLimit = limits.beginTimeLimit;
    if (limits.endTimeLimit) out.endTimeLimit = limits.endTimeLimit;
  }

  const objectives = definition.objectives;
  if (objectives) {
    const adlMaps = new Map((definition.adlObjectives ?? []).map((objective) => [objective.objectiveId, objective.mapInfo]));
    if (objectives.primary) out.primaryObjective = objectiveSettings(objectives.primary, true, adlMaps);
    if (objectives.secondary.length > 0) out.objectives = objectives.secondary.map((objective) => objectiveSettings(objective, false, adlMaps));
  }
  return out;
}

function ruleSettings(rule: SequencingRule<string>): RuleSettingsJson[] {
  if (!rule.action) return [];
  return [
    {
      action: rule.action,
      conditionCombination: rule.conditionCombination ?? 'all',
      conditions: rule.conditions.map(conditionSettings),
    },
  ];
}

function conditionSettings(condition: RuleCondition): RuleSettingsJson['conditions'][number] {
  return {
    condition: condition.condition,
    ...(condition.operator === 'not' ? { operator: 'not' as const } : {}),
    ...(condition.referencedObjective ? { referencedObjective: condition.referencedObjective } : {}),
    ...(condition.measureThreshold !== undefined ? { parameters: { threshold: condition.measureThreshold } } : {}),
  };
}

function objectiveSettings(
  objective: SequencingObjective,
  isPrimary: boolean,
  adlMaps: Map<string, readonly AdlObjectiveMapInfo[]>,
): ObjectiveSettingsJson {
  // A primary objective without an ID still needs one for scorm-again's objective map.
  const objectiveID = objective.objectiveId ?? 'PRIMARY_OBJECTIVE';
  const mapInfo: Array<Record<string, string | boolean>> = objective.mapInfo.map((map) => ({
    targetObjectiveID: map.targetObjectiveId,
    readSatisfiedStatus: map.readSatisfiedStatus ?? true,
    readNormalizedMeasure: map.readNormalizedMeasure ?? true,
    writeSatisfiedStatus: map.writeSatisfiedStatus ?? false,
    writeNormalizedMeasure: map.writeNormalizedMeasure ?? false,
  }));
  for (const map of adlMaps.get(objectiveID) ?? []) {
    const flags: Record<string, string | boolean> = { targetObjectiveID: map.targetObjectiveId };
    for (const [key, value] of Object.entries(map)) if (typeof value === 'boolean') flags[key] = value;
    mapInfo.push(flags);
  }
  return {
    objectiveID,
    isPrimary,
    satisfiedByMeasure: objective.satisfiedByMeasure ?? false,
    ...(objective.minNormalizedMeasure !== undefined ? { minNormalizedMeasure: objective.minNormalizedMeasure } : {}),
    ...(mapInfo.length > 0 ? { mapInfo } : {}),
  };
}
