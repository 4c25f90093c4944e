import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { flattenAus } from './cmi5';
import { flattenItems, launchableItems, type ScormItem, type ScormManifest } from './manifest';
import { inspectPackage, type PackageInspection } from './package-report';
import { openZip, SAMPLES_DIR } from './testing/zip';

/** Real packages from shared/scorm-samples; the expected facts were read from each manifest. */
async function inspectSample(file: string): Promise<PackageInspection> {
  const zip = await openZip(await readFile(path.join(SAMPLES_DIR, file)));
  try {
    return await inspectPackage(zip);
  } finally {
    zip.close();
  }
}

function scormOf(inspection: PackageInspection): ScormManifest {
  if (inspection.content?.kind !== 'scorm') throw new Error('expected a SCORM package');
  return inspection.content.manifest;
}

function itemById(manifest: ScormManifest, id: string): ScormItem {
  const item = manifest.organizations.flatMap((o) => flattenItems(o.items)).find((i) => i.identifier === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

interface SampleFacts {
  file: string;
  standard: 'scorm12' | 'scorm2004';
  edition: '2nd' | '3rd' | null;
  label: string;
  scos: number;
  assets: number;
  launchable: number;
  firstLaunch: string;
  title: string;
}

const SCORM_SAMPLES: SampleFacts[] = [
  {
    file: 'golf-scorm12-content-packaging-one-file-per-sco.zip',
    standard: 'scorm12',
    edition: null,
    label: 'SCORM 1.2',
    scos: 0,
    assets: 19,
    launchable: 18,
    firstLaunch: 'Playing/Playing.html',
    title: 'Golf Explained - CP One File Per SCO',
  },
  {
    file: 'golf-scorm12-runtime-basic-calls.zip',
    standard: 'scorm12',
    edition: null,
    label: 'SCORM 1.2',
    scos: 1,
    assets: 0,
    launchable: 1,
    firstLaunch: 'shared/launchpage.html',
    title: 'Golf Explained - Run-time Basic Calls',
  },
  {
    file: 'golf-scorm12-runtime-minimum-calls-multisco.zip',
    standard: 'scorm12',
    edition: null,
    label: 'SCORM 1.2',
    scos: 18,
    assets: 1,
    launchable: 18,
    firstLaunch: 'Playing/Playing.html',
    title: 'Golf Explained - Minimum Run-time Calls',
  },
  {
    file: 'golf-scorm2004-2nd-content-packaging-single-sco.zip',
    standard: 'scorm2004',
    edition: '2nd',
    label: 'SCORM 2004 2nd Edition',
    scos: 1,
    assets: 0,
    launchable: 1,
    firstLaunch: 'shared/launchpage.html',
    title: 'Golf Explained - CP Single SCO',
  },
  {
    file: 'golf-scorm2004-3rd-runtime-basic-calls.zip',
    standard: 'scorm2004',
    edition: '3rd',
    label: 'SCORM 2004 3rd Edition',
    scos: 1,
    assets: 0,
    launchable: 1,
    firstLaunch: 'shared/launchpage.html',
    title: 'Golf Explained - Run-time Basic Calls',
  },
  {
    file: 'golf-scorm2004-3rd-runtime-advanced-calls.zip',
    standard: 'scorm2004',
    edition: '3rd',
    label: 'SCORM 2004 3rd Edition',
    scos: 1,
    assets: 0,
    launchable: 1,
    firstLaunch: 'shared/launchpage.html',
    title: 'Golf Explained - Run-time Advanced Calls',
  },
  {
    file: 'golf-scorm2004-3rd-sequencing-forced-sequential.zip',
    standard: 'scorm2004',
    edition: '3rd',
    label: 'SCORM 2004 3rd Edition',
    scos: 5,
    assets: 1,
    launchable: 5,
    firstLaunch: 'shared/launchpage.html?content=playing',
    title: 'Golf Explained - Sequencing Forced Order',
  },
  {
    file: 'golf-scorm2004-3rd-sequencing-simple-remediation.zip',
    standard: 'scorm2004',
    edition: '3rd',
    label: 'SCORM 2004 3rd Edition',
    scos: 5,
    assets: 1,
    launchable: 8,
    firstLaunch: 'shared/launchpage.html?content=playing',
    title: 'Golf Explained - Simple Remediation',
  },
];
const CMI5_SAMPLE = 'cmi5-catapult-multi-au-framed.zip';

describe('shared SCORM and cmi5 samples', () => {
  it('finds the samples folder beside the repository and covers every package in it', () => {
    expect(existsSync(SAMPLES_DIR)).toBe(true);
    const zips = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.zip')).sort();
    expect(zips).toEqual([...SCORM_SAMPLES.map((s) => s.file), CMI5_SAMPLE].sort());
  });

  describe.each(SCORM_SAMPLES)('$file', (facts) => {
    let inspection: PackageInspection;
    beforeAll(async () => {
      inspection = await inspectSample(facts.file);
    });

    it('is accepted without errors or warnings', () => {
      expect(inspection.report.errors).toEqual([]);
      expect(inspection.report.warnings).toEqual([]);
      expect(inspection.report.accepted).toBe(true);
    });

    it(`is ${facts.label}, stated by its schemaversion`, () => {
      const { report } = inspection;
      expect(report).toMatchObject({
        packageType: 'scorm',
        standard: facts.standard,
        edition: facts.edition,
        standardLabel: facts.label,
        manifestPath: 'imsmanifest.xml',
        basePath: '',
        title: facts.title,
      });
      expect(scormOf(inspection).versionSource).toBe('schemaversion');
    });

    it(`has ${facts.scos} SCOs, ${facts.assets} assets and ${facts.launchable} launch pages`, () => {
      const { report } = inspection;
      expect(report.counts).toMatchObject({ scos: facts.scos, assets: facts.assets, organizations: 1 });
      expect(report.launchPages).toHaveLength(facts.launchable);
      expect(launchableItems(scormOf(inspection))).toHaveLength(facts.launchable);
    });

    it(`launches ${facts.firstLaunch} first`, () => {
      expect(inspection.report.launchPages[0]!.href).toBe(facts.firstLaunch);
      expect(launchableItems(scormOf(inspection))[0]!.launchHref).toBe(facts.firstLaunch);
    });

    it('stores as JSON without loss', () => {
      expect(JSON.parse(JSON.stringify(inspection))).toEqual(inspection);
    });
  });

  describe('SCORM 1.2 packages', () => {
    it('append item parameters to the shared quiz page (one file per SCO)', async () => {
      const manifest = scormOf(await inspectSample('golf-scorm12-content-packaging-one-file-per-sco.zip'));
      expect(itemById(manifest, 'playing_quiz_item')).toMatchObject({
        parameters: '?questions=Playing',
        launchHref: 'shared/assessmenttemplate.html?questions=Playing',
        scormType: 'asset',
      });
      expect(manifest.resources.find((r) => r.identifier === 'playing_playing_resource')?.dependencies).toEqual(['common_files']);
    });

    it('carry no masteryscore, so items report none', async () => {
      for (const file of SCORM_SAMPLES.filter((s) => s.standard === 'scorm12').map((s) => s.file)) {
        const manifest = scormOf(await inspectSample(file));
        const items = manifest.organizations.flatMap((o) => flattenItems(o.items));
        expect(items.map((i) => i.masteryScore)).toEqual(items.map(() => null));
      }
    });

    it('group 18 SCOs under four aggregations in the multi-SCO course', async () => {
      const manifest = scormOf(await inspectSample('golf-scorm12-runtime-minimum-calls-multisco.zip'));
      const organization = manifest.organizations[0]!;
      expect(organization.items.map((i) => i.identifier)).toEqual(['playing_item', 'etiquette_item', 'handicapping_item', 'havingfun_item']);
      expect(organization.items.map((i) => i.launchHref)).toEqual([null, null, null, null]);
      expect(itemById(manifest, 'havingfun_quiz_item').launchHref).toBe('shared/assessmenttemplate.html?questions=HavingFun');
    });
  });

  describe('SCORM 2004 sequencing', () => {
    it('forced sequential: choice and flow at the organization, disabled rules reading the previous SCO', async () => {
      const inspection = await inspectSample('golf-scorm2004-3rd-sequencing-forced-sequential.zip');
      const manifest = scormOf(inspection);
      const organization = manifest.organizations[0]!;
      expect(inspection.report.hasSequencing).toBe(true);
      expect(organization.objectivesGlobalToSystem).toBe(false);
      expect(organization.sequencing?.controlMode).toEqual({ choice: true, flow: true });

      expect(manifest.sequencingCollection).toEqual([
        {
          id: 'common_seq_rules',
          rollupRules: { objectiveMeasureWeight: 0, rules: [] },
          deliveryControls: { completionSetByContent: true, objectiveSetByContent: true },
        },
      ]);

      const etiquette = itemById(manifest, 'etuqiette_item').sequencing!;
      expect(etiquette.idRef).toBe('common_seq_rules');
      expect(etiquette.sequencingRules?.preConditionRules).toEqual([
        {
          conditionCombination: 'any',
          conditions: [
            { condition: 'satisfied', operator: 'not', referencedObjective: 'previous_sco_satisfied' },
            { condition: 'objectiveStatusKnown', operator: 'not', referencedObjective: 'previous_sco_satisfied' },
          ],
          action: 'disabled',
        },
      ]);
      expect(etiquette.objectives).toEqual({
        primary: {
          objectiveId: 'etiquette_satisfied',
          mapInfo: [
            {
              targetObjectiveId: 'com.scorm.golfsamples.sequencing.forcedsequential.etiquette_satisfied',
              readSatisfiedStatus: true,
              writeSatisfiedStatus: true,
            },
          ],
        },
        secondary: [
          {
            objectiveId: 'previous_sco_satisfied',
            mapInfo: [
              {
                targetObjectiveId: 'com.scorm.golfsamples.sequencing.forcedsequential.playing_satisfied',
                readSatisfiedStatus: true,
                writeSatisfiedStatus: false,
              },
            ],
          },
        ],
      });
      expect(itemById(manifest, 'assessment_item').sequencing?.objectives?.primary).toEqual({
        objectiveId: 'assessment_satisfied',
        mapInfo: [],
      });
    });

    it('simple remediation: flow only, a hidden wrapper that retries, tests that roll up', async () => {
      const manifest = scormOf(await inspectSample('golf-scorm2004-3rd-sequencing-simple-remediation.zip'));
      const organization = manifest.organizations[0]!;
      expect(organization.sequencing?.controlMode).toEqual({ choice: false, flow: true });

      const wrapper = itemById(manifest, 'content_wrapper');
      expect(wrapper.isVisible).toBe(false);
      expect(wrapper.launchHref).toBeNull();
      expect(wrapper.sequencing?.controlMode).toEqual({ choice: false, flow: true, choiceExit: false });
      expect(wrapper.sequencing?.sequencingRules?.postConditionRules.map((r) => r.action)).toEqual(['retry', 'exitAll']);
      expect(wrapper.sequencing?.sequencingRules?.postConditionRules[0]!.conditions).toEqual([
        { condition: 'satisfied', operator: 'not' },
        { condition: 'objectiveStatusKnown', operator: 'not' },
      ]);

      const lastTest = itemById(manifest, 'test_4');
      expect(lastTest.launchHref).toBe('shared/launchpage.html?content=assessment4');
      expect(lastTest.sequencing?.sequencingRules?.postConditionRules).toEqual([
        { conditions: [{ condition: 'always' }], action: 'exitParent' },
      ]);
      expect(lastTest.sequencing?.objectives?.primary?.mapInfo[0]).toEqual({
        targetObjectiveId: 'com.scorm.golfsamples.sequencing.simpleremediation.20043rd.havingfun_satisfied',
        readSatisfiedStatus: true,
        writeSatisfiedStatus: true,
        writeNormalizedMeasure: true,
      });

      const tests = manifest.sequencingCollection.find((s) => s.id === 'test_seq_rules')!;
      expect(tests.rollupRules).toEqual({ objectiveMeasureWeight: 1, rollupObjectiveSatisfied: true, rollupProgressCompletion: true, rules: [] });
      expect(tests.rollupConsiderations).toEqual({ requiredForCompleted: 'ifNotSkipped' });
      expect(tests.sequencingRules?.preConditionRules).toEqual([{ conditions: [{ condition: 'satisfied' }], action: 'skip' }]);
      const content = manifest.sequencingCollection.find((s) => s.id === 'content_seq_rules')!;
      expect(content.rollupRules).toEqual({ objectiveMeasureWeight: 0, rollupObjectiveSatisfied: false, rollupProgressCompletion: false, rules: [] });
    });

    it('advanced runtime: a primary objective satisfied by measure with a 0.8 passing score', async () => {
      const manifest = scormOf(await inspectSample('golf-scorm2004-3rd-runtime-advanced-calls.zip'));
      expect(manifest.organizations[0]!.sequencing?.controlMode).toEqual({ choice: true, flow: true });
      const item = itemById(manifest, 'item_1');
      expect(item.sequencing?.objectives).toEqual({
        primary: { objectiveId: 'PRIMARYOBJ', satisfiedByMeasure: true, minNormalizedMeasure: 0.8, mapInfo: [] },
        secondary: ['obj_etiquette', 'obj_handicapping', 'obj_havingfun', 'obj_playing'].map((objectiveId) => ({ objectiveId, mapInfo: [] })),
      });
      expect(item.sequencing?.deliveryControls).toEqual({ completionSetByContent: true, objectiveSetByContent: true });
    });

    it('basic runtime: choice and flow, content sets completion', async () => {
      const manifest = scormOf(await inspectSample('golf-scorm2004-3rd-runtime-basic-calls.zip'));
      expect(manifest.organizations[0]!.sequencing?.controlMode).toEqual({ choice: true, flow: true });
      expect(itemById(manifest, 'item_1').sequencing).toEqual({
        deliveryControls: { completionSetByContent: true, objectiveSetByContent: true },
      });
    });

    it('2nd edition single SCO has no sequencing at all', async () => {
      const inspection = await inspectSample('golf-scorm2004-2nd-content-packaging-single-sco.zip');
      expect(inspection.report.hasSequencing).toBe(false);
      expect(scormOf(inspection).sequencingCollection).toEqual([]);
    });
  });

  describe(CMI5_SAMPLE, () => {
    let inspection: PackageInspection;
    beforeAll(async () => {
      inspection = await inspectSample(CMI5_SAMPLE);
    });

    it('is recognised as cmi5, not SCORM', () => {
      expect(inspection.report).toMatchObject({
        accepted: true,
        packageType: 'cmi5',
        standard: 'cmi5',
        edition: null,
        standardLabel: 'cmi5',
        manifestPath: 'cmi5.xml',
        title: 'Introduction to Geology - Multi AU at Root',
        identifier: 'https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-multi-au-framed',
        errors: [],
        warnings: [],
      });
      expect(inspection.content?.kind).toBe('cmi5');
    });

    it('has 8 AUs at the root: seven CompletedOrPassed lessons and a CompletedAndPassed quiz', () => {
      if (inspection.content?.kind !== 'cmi5') throw new Error('expected cmi5');
      const aus = flattenAus(inspection.content.course.structure);
      expect(aus).toHaveLength(8);
      expect(inspection.report.counts).toMatchObject({ aus: 8, blocks: 0, scos: 0 });
      expect(aus.map((au) => au.moveOn)).toEqual([...Array<string>(7).fill('CompletedOrPassed'), 'CompletedAndPassed']);
      expect(aus[0]).toMatchObject({
        id: 'https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-multi-au-framed/1',
        title: 'Introduction to Geology',
        url: 'index.html?pages=1&complete=launch',
        launchMethod: 'AnyWindow',
        masteryScore: null,
        activityType: null,
        blockId: null,
        external: false,
      });
      expect(aus[7]!.url).toBe('index.html?pages=quiz&complete=quiz');
      expect(inspection.report.launchPages[0]).toMatchObject({ href: 'index.html?pages=1&complete=launch', entry: 'index.html', type: 'au' });
    });
  });
});
