import { ScormPackageError, type PackageIssueCode } from './issues';
import { flattenItems, launchableItems, parseManifest, resourceFiles, type ScormItem, type ScormManifest } from './manifest';
import { NS, organization, scoResource, scorm12Manifest, scorm2004Manifest } from './testing/manifests';

function item(manifest: ScormManifest, id: string): ScormItem {
  const found = manifest.organizations.flatMap((o) => flattenItems(o.items)).find((i) => i.identifier === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function codes(xml: string): PackageIssueCode[] {
  return parseManifest(xml).issues.map((i) => i.code);
}

function refusal(xml: string | Uint8Array): ScormPackageError {
  try {
    parseManifest(xml);
  } catch (error) {
    if (error instanceof ScormPackageError) return error;
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}

const ONE_SCO = {
  organizations: organization('<item identifier="i1" identifierref="r1"><title>One</title></item>'),
  resources: scoResource('r1', 'index.html'),
};

describe('parseManifest: standard and edition', () => {
  it.each([
    ['1.2', 'scorm12', null],
    ['CAM 1.3', 'scorm2004', '2nd'],
    ['2004 3rd Edition', 'scorm2004', '3rd'],
    ['2004 4th Edition', 'scorm2004', '4th'],
    ['  2004   4th   edition ', 'scorm2004', '4th'],
  ])('schemaversion %j → %s %s', (schemaVersion, standard, edition) => {
    const { manifest, issues } = parseManifest(scorm2004Manifest({ ...ONE_SCO, schemaVersion }));
    expect(manifest).toMatchObject({ standard, edition, versionSource: 'schemaversion', schemaVersion: schemaVersion.trim().replace(/\s+/g, ' ') });
    expect(issues).toEqual([]);
  });

  it('recognises SCORM 1.2 by the adlcp_rootv1p2 namespace when metadata is left out, as 1.2 allows', () => {
    const { manifest, issues } = parseManifest(scorm12Manifest({ ...ONE_SCO, schemaVersion: null }));
    expect(manifest).toMatchObject({ standard: 'scorm12', edition: null, versionSource: 'namespace', schemaVersion: null });
    expect(issues).toEqual([]);
  });

  it('recognises SCORM 2004 by the imsss/adlseq/adlnav namespaces and warns that the edition is unknown', () => {
    const namespaces = `xmlns="${NS.cp2004}" xmlns:adlcp="urn:whatever" xmlns:imsss="${NS.imsss}"`;
    const { manifest, issues } = parseManifest(scorm2004Manifest({ ...ONE_SCO, schemaVersion: null, namespaces }));
    expect(manifest).toMatchObject({ standard: 'scorm2004', edition: null, versionSource: 'namespace' });
    expect(issues.map((i) => i.code)).toEqual(['VERSION_FROM_NAMESPACE']);
  });

  it('falls back on namespaces when the schemaversion is not one it knows', () => {
    const { manifest, issues } = parseManifest(scorm2004Manifest({ ...ONE_SCO, schemaVersion: 'SCORM 2004 5th' }));
    expect(manifest).toMatchObject({ standard: 'scorm2004', versionSource: 'namespace', schemaVersion: 'SCORM 2004 5th' });
    expect(issues[0]).toMatchObject({ code: 'VERSION_FROM_NAMESPACE', message: expect.stringMatching(/"SCORM 2004 5th" is not recognised/) });
  });

  it('assumes SCORM 1.2 for a plain content package without any SCORM namespace', () => {
    const xml = scorm12Manifest({ ...ONE_SCO, schemaVersion: null, namespaces: '' });
    const { manifest, issues } = parseManifest(xml);
    expect(manifest).toMatchObject({ standard: 'scorm12', versionSource: 'assumed' });
    expect(issues.map((i) => i.code)).toEqual(['VERSION_ASSUMED']);
  });
});

describe('parseManifest: SCORM 1.2', () => {
  const xml = scorm12Manifest({
    organizations: organization(`
      <item identifier="intro" identifierref="r_intro" isvisible="true">
        <title>  Pengantar
          Kursus </title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
        <adlcp:prerequisites type="aicc_script">module_1 &amp; module_2</adlcp:prerequisites>
        <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
        <adlcp:timelimitaction>exit, message</adlcp:timelimitaction>
        <adlcp:datafromlms> mode=review </adlcp:datafromlms>
      </item>
      <item identifier="hidden" identifierref="r_intro" isvisible="false" parameters="page=2"><title>Hidden</title></item>`),
    resources: `
      <resource identifier="r_intro" type="webcontent" adlcp:scormtype="sco" href="intro/index.html">
        <file href="intro/index.html"/><dependency identifierref="r_shared"/>
      </resource>
      <resource identifier="r_shared" type="webcontent" adlcp:scormtype="asset"><file href="shared/api.js"/></resource>`,
  });

  it('reads the adlcp item extensions', () => {
    const { manifest, issues } = parseManifest(xml);
    expect(issues).toEqual([]);
    expect(item(manifest, 'intro')).toMatchObject({
      title: 'Pengantar Kursus',
      isVisible: true,
      identifierRef: 'r_intro',
      launchHref: 'intro/index.html',
      scormType: 'sco',
      masteryScore: 80,
      prerequisites: { type: 'aicc_script', expression: 'module_1 & module_2' },
      maxTimeAllowed: '00:30:00',
      timeLimitAction: 'exit,message',
      dataFromLms: 'mode=review',
      completionThreshold: null,
      sequencing: null,
    });
    expect(item(manifest, 'hidden')).toMatchObject({ isVisible: false, launchHref: 'intro/index.html?page=2', masteryScore: null });
  });

  it('reads resources with lower-case adlcp:scormtype and resolves dependencies', () => {
    const { manifest } = parseManifest(xml);
    expect(manifest.resources).toEqual([
      {
        identifier: 'r_intro',
        type: 'webcontent',
        scormType: 'sco',
        href: 'intro/index.html',
        launchHref: 'intro/index.html',
        external: false,
        files: ['intro/index.html'],
        dependencies: ['r_shared'],
      },
      {
        identifier: 'r_shared',
        type: 'webcontent',
        scormType: 'asset',
        href: null,
        launchHref: null,
        external: false,
        files: ['shared/api.js'],
        dependencies: [],
      },
    ]);
    expect(resourceFiles(manifest, 'r_intro')).toEqual(['intro/index.html', 'shared/api.js']);
  });

  it('warns about a masteryscore outside 0..100 and ignores it', () => {
    const { manifest, issues } = parseManifest(
      scorm12Manifest({
        organizations: organization('<item identifier="i1" identifierref="r1"><title>x</title><adlcp:masteryscore>180</adlcp:masteryscore></item>'),
        resources: scoResource('r1', 'a.html'),
      }),
    );
    expect(item(manifest, 'i1').masteryScore).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ code: 'VALUE_INVALID', severity: 'warning', itemId: 'i1', details: { element: 'adlcp:masteryscore', attribute: null, value: '180' } }),
    ]);
  });
});

describe('parseManifest: SCORM 2004 extensions', () => {
  it('reads the completion threshold in its 3rd edition (text) and 4th edition (attribute) forms', () => {
    const { manifest, issues } = parseManifest(
      scorm2004Manifest({
        organizations: organization(`
          <item identifier="third" identifierref="r1"><title>3rd</title><adlcp:completionThreshold>0.75</adlcp:completionThreshold></item>
          <item identifier="fourth" identifierref="r1"><title>4th</title>
            <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.6" progressWeight="0.5"/>
          </item>
          <item identifier="empty" identifierref="r1"><title>empty</title><adlcp:completionThreshold/></item>`),
        resources: scoResource('r1', 'a.html'),
      }),
    );
    expect(issues).toEqual([]);
    expect(item(manifest, 'third').completionThreshold).toEqual({ value: 0.75 });
    expect(item(manifest, 'fourth').completionThreshold).toEqual({ completedByMeasure: true, minProgressMeasure: 0.6, progressWeight: 0.5 });
    expect(item(manifest, 'empty').completionThreshold).toBeNull();
  });

  it('reads dataFromLMS, timeLimitAction, adlnav:presentation and 4th edition shared data', () => {
    const { manifest, issues } = parseManifest(
      scorm2004Manifest({
        organizations: organization(`
          <item identifier="i1" identifierref="r1"><title>x</title>
            <adlcp:timeLimitAction>continue,no message</adlcp:timeLimitAction>
            <adlcp:dataFromLMS>lang=id</adlcp:dataFromLMS>
            <adlcp:data><adlcp:map targetID="com.example.notes" readSharedData="true" writeSharedData="false"/></adlcp:data>
            <adlnav:presentation><adlnav:navigationInterface>
              <adlnav:hideLMSUI>continue</adlnav:hideLMSUI><adlnav:hideLMSUI>previous</adlnav:hideLMSUI><adlnav:hideLMSUI>suspendAll</adlnav:hideLMSUI>
            </adlnav:navigationInterface></adlnav:presentation>
          </item>`),
        resources: scoResource('r1', 'a.html'),
      }),
    );
    expect(issues).toEqual([]);
    expect(item(manifest, 'i1')).toMatchObject({
      timeLimitAction: 'continue,no message',
      dataFromLms: 'lang=id',
      sharedData: [{ targetId: 'com.example.notes', readSharedData: true, writeSharedData: false }],
      presentation: { hideLmsUi: ['continue', 'previous', 'suspendAll'] },
    });
  });

  it('keeps every part of imsss:sequencing and the adlseq extensions, typed', () => {
    const { manifest, issues } = parseManifest(
      scorm2004Manifest({
        organizations: organization(
          `<item identifier="module" ><title>Module</title>
             <item identifier="i1" identifierref="r1"><title>x</title></item>
             <imsss:sequencing>
               <imsss:controlMode choice="false" choiceExit="false" flow="true" forwardOnly="true"
                                  useCurrentAttemptObjectiveInfo="false" useCurrentAttemptProgressInfo="0"/>
               <imsss:sequencingRules>
                 <imsss:preConditionRule>
                   <imsss:ruleConditions><imsss:ruleCondition condition="attempted"/></imsss:ruleConditions>
                   <imsss:ruleAction action="hiddenFromChoice"/>
                 </imsss:preConditionRule>
                 <imsss:exitConditionRule>
                   <imsss:ruleConditions conditionCombination="all">
                     <imsss:ruleCondition condition="objectiveMeasureGreaterThan" measureThreshold="0.5" referencedObjective="obj1"/>
                   </imsss:ruleConditions>
                   <imsss:ruleAction action="exit"/>
                 </imsss:exitConditionRule>
               </imsss:sequencingRules>
               <imsss:limitConditions attemptLimit="3" attemptAbsoluteDurationLimit="PT1H"/>
               <imsss:rollupRules rollupObjectiveSatisfied="true" objectiveMeasureWeight="0.5">
                 <imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.75">
                   <imsss:rollupConditions conditionCombination="all">
                     <imsss:rollupCondition operator="not" condition="attempted"/>
                   </imsss:rollupConditions>
                   <imsss:rollupAction action="notSatisfied"/>
                 </imsss:rollupRule>
               </imsss:rollupRules>
               <imsss:objectives>
                 <imsss:primaryObjective satisfiedByMeasure="true">
                   <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
                   <imsss:mapInfo targetObjectiveID="g.primary" readNormalizedMeasure="false" writeNormalizedMeasure="true"/>
                 </imsss:primaryObjective>
                 <imsss:objective objectiveID="obj1"/>
               </imsss:objectives>
               <imsss:randomizationControls randomizationTiming="onEachNewAttempt" selectCount="2" reorderChildren="true" selectionTiming="once"/>
               <imsss:deliveryControls tracked="false"/>
               <adlseq:constrainedChoiceConsiderations preventActivation="true" constrainChoice="true"/>
               <adlseq:rollupConsiderations requiredForSatisfied="ifAttempted" requiredForIncomplete="ifNotSuspended" measureSatisfactionIfActive="false"/>
               <adlseq:objectives>
                 <adlseq:objective objectiveID="obj1">
                   <adlseq:mapInfo targetObjectiveID="g.obj1" readCompletionStatus="true" writeProgressMeasure="true"/>
                 </adlseq:objective>
               </adlseq:objectives>
             </imsss:sequencing>
           </item>`,
        ),
        resources: scoResource('r1', 'a.html'),
      }),
    );
    expect(issues).toEqual([]);
    expect(item(manifest, 'module').sequencing).toEqual({
      controlMode: {
        choice: false,
        choiceExit: false,
        flow: true,
        forwardOnly: true,
        useCurrentAttemptObjectiveInfo: false,
        useCurrentAttemptProgressInfo: false,
      },
      sequencingRules: {
        preConditionRules: [{ conditions: [{ condition: 'attempted' }], action: 'hiddenFromChoice' }],
        exitConditionRules: [
          {
            conditionCombination: 'all',
            conditions: [{ condition: 'objectiveMeasureGreaterThan', measureThreshold: 0.5, referencedObjective: 'obj1' }],
            action: 'exit',
          },
        ],
        postConditionRules: [],
      },
      limitConditions: { attemptLimit: 3, attemptAbsoluteDurationLimit: 'PT1H' },
      rollupRules: {
        rollupObjectiveSatisfied: true,
        objectiveMeasureWeight: 0.5,
        rules: [
          {
            childActivitySet: 'atLeastPercent',
            minimumPercent: 0.75,
            conditionCombination: 'all',
            conditions: [{ condition: 'attempted', operator: 'not' }],
            action: 'notSatisfied',
          },
        ],
      },
      objectives: {
        primary: {
          satisfiedByMeasure: true,
          minNormalizedMeasure: 0.6,
          mapInfo: [{ targetObjectiveId: 'g.primary', readNormalizedMeasure: false, writeNormalizedMeasure: true }],
        },
        secondary: [{ objectiveId: 'obj1', mapInfo: [] }],
      },
      randomizationControls: { randomizationTiming: 'onEachNewAttempt', selectCount: 2, reorderChildren: true, selectionTiming: 'once' },
      deliveryControls: { tracked: false },
      constrainedChoiceConsiderations: { preventActivation: true, constrainChoice: true },
      rollupConsiderations: { requiredForSatisfied: 'ifAttempted', requiredForIncomplete: 'ifNotSuspended', measureSatisfactionIfActive: false },
      adlObjectives: [{ objectiveId: 'obj1', mapInfo: [{ targetObjectiveId: 'g.obj1', readCompletionStatus: true, writeProgressMeasure: true }] }],
    });
  });

  it('drops invalid sequencing values with a warning naming the item and the value', () => {
    const { manifest, issues } = parseManifest(
      scorm2004Manifest({
        organizations: organization(
          '<item identifier="i1" identifierref="r1"><title>x</title></item>',
          '<imsss:sequencing><imsss:controlMode choice="yes" flow="TRUE"/><imsss:sequencingRules><imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="sometimes"/></imsss:ruleConditions><imsss:ruleAction action="exitall"/></imsss:postConditionRule></imsss:sequencingRules></imsss:sequencing>',
        ),
        resources: scoResource('r1', 'a.html'),
      }),
    );
    expect(manifest.organizations[0]!.sequencing).toEqual({
      controlMode: { flow: true },
      sequencingRules: { preConditionRules: [], exitConditionRules: [], postConditionRules: [{ conditions: [], action: 'exitAll' }] },
    });
    expect(issues.map((i) => [i.code, i.itemId, i.details?.value])).toEqual([
      ['VALUE_INVALID', 'org', 'yes'],
      ['VALUE_INVALID', 'org', 'sometimes'],
    ]);
  });

  it('warns about sequencing it does not model and references to a missing collection entry', () => {
    expect(
      codes(
        scorm2004Manifest({
          organizations: organization(
            '<item identifier="i1" identifierref="r1"><title>x</title><imsss:sequencing IDRef="nowhere"><imsss:auxiliaryResources/></imsss:sequencing></item>',
          ),
          resources: scoResource('r1', 'a.html'),
        }),
      ),
    ).toEqual(['UNSUPPORTED_FEATURE', 'SEQUENCING_REFERENCE_MISSING']);
  });
});

describe('parseManifest: element names', () => {
  it('matches by namespace URI whatever the prefixes, and tells imsss:objectives from adlseq:objectives', () => {
    const xml = `<cp:manifest identifier="m" xmlns:cp="${NS.cp2004}" xmlns:cam="${NS.adlcp2004}" xmlns:ss="${NS.imsss}" xmlns:seq="${NS.adlseq}">
      <cp:metadata><cp:schema>ADL SCORM</cp:schema><cp:schemaversion>2004 3rd Edition</cp:schemaversion></cp:metadata>
      <cp:organizations default="o"><cp:organization identifier="o"><cp:title>T</cp:title>
        <cp:item identifier="i" identifierref="r"><cp:title>I</cp:title>
          <ss:sequencing>
            <ss:objectives><ss:primaryObjective objectiveID="p"/></ss:objectives>
            <seq:objectives><seq:objective objectiveID="p"><seq:mapInfo targetObjectiveID="g" writeRawScore="true"/></seq:objective></seq:objectives>
          </ss:sequencing>
        </cp:item>
      </cp:organization></cp:organizations>
      <cp:resources><cp:resource identifier="r" type="webcontent" cam:scormType="sco" href="a.html"/></cp:resources>
    </cp:manifest>`;
    const { manifest, issues } = parseManifest(xml);
    expect(issues).toEqual([]);
    expect(manifest).toMatchObject({ standard: 'scorm2004', edition: '3rd', title: 'T' });
    expect(item(manifest, 'i').sequencing).toEqual({
      objectives: { primary: { objectiveId: 'p', mapInfo: [] }, secondary: [] },
      adlObjectives: [{ objectiveId: 'p', mapInfo: [{ targetObjectiveId: 'g', writeRawScore: true }] }],
    });
    expect(item(manifest, 'i').launchHref).toBe('a.html');
  });

  it('accepts un-prefixed, undeclared and oddly cased SCORM names', () => {
    const xml = `<manifest identifier="m">
      <metadata><schemaversion>1.2</schemaversion></metadata>
      <organizations default="o"><organization identifier="o"><title>T</title>
        <item identifier="i" identifierref="r" isVisible="TRUE"><title>I</title><masteryScore>70</masteryScore><adlcp:dataFromLms>x</adlcp:dataFromLms></item>
      </organization></organizations>
      <resources><resource identifier="r" type="webcontent" adlcp:ScormType="SCO" href="a.html"/></resources>
    </manifest>`;
    const { manifest, issues } = parseManifest(xml);
    expect(issues).toEqual([]);
    expect(item(manifest, 'i')).toMatchObject({ isVisible: true, masteryScore: 70, dataFromLms: 'x', scormType: 'sco' });
  });
});

describe('parseManifest: paths and launch URLs', () => {
  it('applies xml:base from the manifest, resources, resource and file', () => {
    const { manifest } = parseManifest(
      scorm2004Manifest({
        manifestAttributes: 'xml:base="course/"',
        organizations: organization('<item identifier="i1" identifierref="r1" parameters="?lang=id"><title>x</title></item>'),
        resources: `<resource identifier="r1" type="webcontent" adlcp:scormType="sco" xml:base="sco1" href="Mulai%20Di%20Sini.html?mode=normal">
            <file href="Mulai%20Di%20Sini.html"/><file xml:base="media/" href="video.mp4"/><file href="../shared/api.js"/>
          </resource>`,
      }).replace('<resources>', '<resources xml:base="content/">'),
    );
    expect(manifest.resources[0]).toMatchObject({
      launchHref: 'course/content/sco1/Mulai%20Di%20Sini.html?mode=normal',
      files: ['course/content/sco1/Mulai%20Di%20Sini.html', 'course/content/sco1/media/video.mp4', 'course/content/shared/api.js'],
    });
    expect(item(manifest, 'i1').launchHref).toBe('course/content/sco1/Mulai%20Di%20Sini.html?mode=normal&lang=id');
  });

  it('marks an absolute href as external', () => {
    const { manifest } = parseManifest(
      scorm2004Manifest({
        organizations: organization('<item identifier="i1" identifierref="r1"><title>x</title></item>'),
        resources: scoResource('r1', 'https://content.example.org/sco/index.html'),
      }),
    );
    expect(manifest.resources[0]).toMatchObject({ external: true, launchHref: 'https://content.example.org/sco/index.html' });
    expect(launchableItems(manifest)).toHaveLength(1);
  });
});

describe('parseManifest: problems that do not stop parsing', () => {
  it.each<[string, Parameters<typeof scorm2004Manifest>[0], PackageIssueCode[]]>([
    [
      'an item pointing at a missing resource',
      { organizations: organization('<item identifier="i1" identifierref="nope"><title>x</title></item>') },
      ['ITEM_RESOURCE_MISSING'],
    ],
    ['a leaf item without a resource', { organizations: organization('<item identifier="i1"><title>x</title></item>') }, ['ITEM_WITHOUT_RESOURCE']],
    [
      'a launched resource without href',
      {
        organizations: organization('<item identifier="i1" identifierref="r1"><title>x</title></item>'),
        resources: '<resource identifier="r1" type="webcontent" adlcp:scormType="sco"/>',
      },
      ['RESOURCE_HREF_MISSING'],
    ],
    [
      'a launch path climbing out of the package',
      { organizations: organization('<item identifier="i1" identifierref="r1"><title>x</title></item>'), resources: scoResource('r1', '../../x.html') },
      ['PATH_OUTSIDE_PACKAGE'],
    ],
    [
      'a file outside the package',
      { ...ONE_SCO, resources: scoResource('r1', 'index.html', '<file href="/etc/passwd"/>') },
      ['FILE_MISSING'],
    ],
    ['no organization', { resources: scoResource('r1', 'index.html') }, ['NO_ORGANIZATION']],
    [
      'a default organization that does not exist',
      { ...ONE_SCO, organizations: ONE_SCO.organizations.replace('identifier="org"', 'identifier="other"') },
      ['DEFAULT_ORGANIZATION_MISSING'],
    ],
    ['a sub-manifest', { ...ONE_SCO, trailer: '<manifest identifier="sub"><organizations/><resources/></manifest>' }, ['SUBMANIFEST_UNSUPPORTED']],
    [
      'a dependency on a missing resource',
      { ...ONE_SCO, resources: scoResource('r1', 'index.html', '<dependency identifierref="gone"/>') },
      ['DEPENDENCY_MISSING'],
    ],
    [
      'duplicate identifiers',
      {
        organizations: organization('<item identifier="i1" identifierref="r1"><title>x</title></item><item identifier="i1" identifierref="r1"><title>y</title></item>'),
        resources: scoResource('r1', 'a.html') + scoResource('r1', 'b.html'),
      },
      ['DUPLICATE_IDENTIFIER', 'DUPLICATE_IDENTIFIER'],
    ],
  ])('reports %s', (_, parts, expected) => {
    expect(codes(scorm2004Manifest(parts))).toEqual(expected);
  });

  it('gives item problems an item id and a line', () => {
    const [found] = parseManifest(scorm2004Manifest({ organizations: organization('<item identifier="i1" identifierref="nope"><title>x</title></item>') })).issues;
    expect(found).toMatchObject({ code: 'ITEM_RESOURCE_MISSING', severity: 'error', itemId: 'i1', resourceId: 'nope', line: 4 });
  });
});

describe('parseManifest: refused documents', () => {
  it('refuses a DOCTYPE with entities as MANIFEST_DTD', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${scorm12Manifest(ONE_SCO).replace(/^<\?xml[^>]*>/, '')}`;
    const error = refusal(xml);
    expect(error.code).toBe('MANIFEST_DTD');
    expect(error.issue).toMatchObject({ severity: 'error', line: 1, message: expect.stringMatching(/DOCTYPE/) });
  });

  it('refuses malformed XML as MANIFEST_INVALID with the parser message', () => {
    const error = refusal(scorm12Manifest(ONE_SCO).replace('</organizations>', ''));
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toMatch(/^imsmanifest.xml is not well-formed XML: line \d+, column \d+: <\/manifest> does not match <organizations>/);
  });

  it('refuses a document whose root is not <manifest>', () => {
    expect(refusal('<courseStructure/>').message).toBe('imsmanifest.xml: the root element is <courseStructure>, expected <manifest>');
  });

  it('decodes bytes and warns about invalid UTF-8 instead of failing', () => {
    const xml = scorm12Manifest({ ...ONE_SCO, organizations: organization('<item identifier="i1" identifierref="r1"><title>Caf\xe9</title></item>') });
    const { manifest, issues } = parseManifest(Buffer.from(xml, 'latin1'));
    expect(item(manifest, 'i1').title).toBe('Caf\ufffd');
    expect(issues.map((i) => i.code)).toEqual(['MANIFEST_ENCODING']);
  });
});
