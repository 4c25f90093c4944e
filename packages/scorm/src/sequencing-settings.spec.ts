import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ScormManifest } from './manifest';
import { inspectPackage } from './package-report';
import { buildSequencingSettings, type ActivitySettingsJson } from './sequencing-settings';
import { openZip, SAMPLES_DIR } from './testing/zip';

async function manifestOf(file: string): Promise<ScormManifest> {
  const zip = await openZip(await readFile(path.join(SAMPLES_DIR, file)));
  try {
    const inspection = await inspectPackage(zip);
    if (inspection.content?.kind !== 'scorm') throw new Error('expected a SCORM package');
    return inspection.content.manifest;
  } finally {
    zip.close();
  }
}

function find(activity: ActivitySettingsJson, id: string): ActivitySettingsJson {
  if (activity.id === id) return activity;
  for (const child of activity.children ?? []) {
    try {
      return find(child, id);
    } catch {
      // keep looking
    }
  }
  throw new Error(`no activity ${id}`);
}

describe('buildSequencingSettings', () => {
  it('is null for SCORM 1.2', async () => {
    expect(buildSequencingSettings(await manifestOf('golf-scorm12-runtime-basic-calls.zip'))).toBeNull();
  });

  it('keeps the controls and delivery controls a single-SCO 2004 package declares', async () => {
    const settings = buildSequencingSettings(await manifestOf('golf-scorm2004-3rd-runtime-basic-calls.zip'));
    expect(settings).toEqual({
      activityTree: {
        id: 'golf_sample_default_org',
        title: 'Golf Explained - Run-time Basic Calls',
        sequencingControls: { choice: true, flow: true },
        children: [
          { id: 'item_1', title: 'Golf Explained', isVisible: true, deliveryControls: { completionSetByContent: true, objectiveSetByContent: true } },
        ],
      },
    });
  });

  it('builds the remediation tree: flow-only wrapper, collection rules merged, global objective maps, retry at the end', async () => {
    const settings = buildSequencingSettings(await manifestOf('golf-scorm2004-3rd-sequencing-simple-remediation.zip'));
    expect(settings).not.toBeNull();
    const tree = settings!.activityTree;
    expect(tree.id).toBe('golf_sample_default_org');
    const wrapper = find(tree, 'content_wrapper');
    expect(wrapper.isVisible).toBe(false);
    expect(wrapper.sequencingControls).toMatchObject({ choice: false, flow: true, choiceExit: false });
    expect(wrapper.children?.map((child) => child.id)).toEqual([
      'playing_item',
      'etuqiette_item',
      'handicapping_item',
      'havingfun_item',
      'test_1',
      'test_2',
      'test_3',
      'test_4',
    ]);
    // From the collection entry content_seq_rules: satisfied content is skipped.
    const playing = find(tree, 'playing_item');
    expect(playing.sequencingRules?.preConditionRules).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'skip', conditions: [expect.objectContaining({ condition: 'satisfied' })] })]),
    );
    expect(playing.primaryObjective).toMatchObject({
      objectiveID: 'learning_objective_satisfied',
      isPrimary: true,
      mapInfo: [
        expect.objectContaining({
          targetObjectiveID: 'com.scorm.golfsamples.sequencing.simpleremediation.20043rd.playing_satisfied',
          readSatisfiedStatus: true,
          writeSatisfiedStatus: false,
        }),
      ],
    });
    const test4 = find(tree, 'test_4');
    expect(test4.sequencingRules?.postConditionRules).toEqual([{ action: 'exitParent', conditionCombination: 'all', conditions: [{ condition: 'always' }] }]);
    expect(find(tree, 'test_1').primaryObjective?.mapInfo?.[0]).toMatchObject({ writeSatisfiedStatus: true, writeNormalizedMeasure: true });
  });

  it('builds the forced-sequential tree with flow and its rules', async () => {
    const settings = buildSequencingSettings(await manifestOf('golf-scorm2004-3rd-sequencing-forced-sequential.zip'));
    expect(settings).not.toBeNull();
    const root = settings!.activityTree;
    const withFlow = [root, ...(root.children ?? [])].filter((activity) => activity.sequencingControls?.flow === true);
    expect(withFlow.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
  });
});
