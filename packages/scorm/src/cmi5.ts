import { issue, ScormPackageError, type PackageIssue } from './issues';
import { parseManifestXml } from './manifest';
import { attribute, childNamed, childrenNamed, collapsedText } from './namespaces';
import { isAbsoluteUrl } from './package-paths';
import { ValueReader } from './values';
import type { XmlElement } from './xml';

/*
 * cmi5 course structure (`cmi5.xml` at the package root). A cmi5 package is NOT SCORM: its AUs
 * report to an xAPI Learning Record Store through a launch URL with fetch/endpoint parameters,
 * not through a JavaScript API in the page. This module only describes the structure.
 */

export const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;
export type Cmi5MoveOn = (typeof MOVE_ON)[number];
export const LAUNCH_METHODS = ['AnyWindow', 'OwnWindow'] as const;
export type Cmi5LaunchMethod = (typeof LAUNCH_METHODS)[number];

export interface LangString {
  /** `lang` attribute, e.g. `en-US`; `null` when absent. */
  lang: string | null;
  value: string;
}

export interface Cmi5Course {
  kind: 'cmi5';
  standard: 'cmi5';
  id: string;
  /** First non-empty `langstring`; all of them are in `titles`. */
  title: string;
  titles: LangString[];
  description: string;
  descriptions: LangString[];
  objectives: Cmi5Objective[];
  /** Blocks and AUs at the root, in document order. */
  structure: Cmi5Node[];
}

export interface Cmi5Objective {
  id: string;
  title: string;
  description: string;
}

export type Cmi5Node = Cmi5Block | Cmi5Au;

export interface Cmi5Block {
  kind: 'block';
  id: string;
  title: string;
  titles: LangString[];
  description: string;
  objectiveIds: string[];
  children: Cmi5Node[];
}

export interface Cmi5Au {
  kind: 'au';
  id: string;
  title: string;
  titles: LangString[];
  description: string;
  /** As written: relative to the package root, or an absolute URL for remotely hosted AUs. */
  url: string;
  external: boolean;
  /** default 'AnyWindow' (applied) */
  launchMethod: Cmi5LaunchMethod;
  /** default 'NotApplicable' (applied) */
  moveOn: Cmi5MoveOn;
  /** 0..1 */
  masteryScore: number | null;
  activityType: string | null;
  launchParameters: string | null;
  entitlementKey: string | null;
  objectiveIds: string[];
  /** Enclosing block, `null` at the course root. */
  blockId: string | null;
}

export interface Cmi5ParseResult {
  course: Cmi5Course;
  issues: PackageIssue[];
}

/** Throws `ScormPackageError` (`MANIFEST_DTD`, `MANIFEST_INVALID`) when cmi5.xml is unusable. */
export function parseCmi5(source: string | Uint8Array): Cmi5ParseResult {
  const issues: PackageIssue[] = [];
  const { root } = parseManifestXml(source, 'cmi5.xml', issues);
  if (root.name !== 'courseStructure') {
    throw new ScormPackageError('MANIFEST_INVALID', `cmi5.xml: the root element is <${root.name}>, expected <courseStructure>`, {
      line: root.line,
    });
  }
  const course = childNamed(root, 'course');
  if (!course) {
    throw new ScormPackageError('MANIFEST_INVALID', 'cmi5.xml has no <course> element', { line: root.line });
  }
  const values = new ValueReader(issues);
  const titles = langStrings(childNamed(course, 'title'));
  const descriptions = langStrings(childNamed(course, 'description'));
  const objectivesElement = childNamed(root, 'objectives');

  return {
    course: {
      kind: 'cmi5',
      standard: 'cmi5',
      id: attribute(course, 'id')?.trim() ?? '',
      title: first(titles),
      titles,
      description: first(descriptions),
      descriptions,
      objectives: (objectivesElement ? childrenNamed(objectivesElement, 'objective') : []).map((objective) => ({
        id: attribute(objective, 'id')?.trim() ?? '',
        title: first(langStrings(childNamed(objective, 'title'))),
        description: first(langStrings(childNamed(objective, 'description'))),
      })),
      structure: readNodes(root, null, values, issues),
    },
    issues,
  };
}

function readNodes(parent: XmlElement, blockId: string | null, values: ValueReader, issues: PackageIssue[]): Cmi5Node[] {
  return parent.children.flatMap((element): Cmi5Node[] => {
    const name = element.name.toLowerCase();
    if (name === 'au') return [readAu(element, blockId, values, issues)];
    if (name !== 'block') return [];
    const id = attribute(element, 'id')?.trim() ?? '';
    const titles = langStrings(childNamed(element, 'title'));
    return [
      {
        kind: 'block',
        id,
        title: first(titles),
        titles,
        description: first(langStrings(childNamed(element, 'description'))),
        objectiveIds: objectiveRefs(element),
        children: readNodes(element, id, values, issues),
      },
    ];
  });
}

function readAu(element: XmlElement, blockId: string | null, values: ValueReader, issues: PackageIssue[]): Cmi5Au {
  const id = attribute(element, 'id')?.trim() ?? '';
  const auValues = values.with({ itemId: id });
  const url = childNamed(element, 'url')?.text.trim() ?? '';
  if (url === '') {
    issues.push(issue('AU_URL_MISSING', `AU ${id} has no <url> to launch`, { itemId: id, line: element.line }));
  }
  const titles = langStrings(childNamed(element, 'title'));
  return {
    kind: 'au',
    id,
    title: first(titles),
    titles,
    description: first(langStrings(childNamed(element, 'description'))),
    url,
    external: isAbsoluteUrl(url),
    launchMethod: auValues.token(element, 'launchMethod', LAUNCH_METHODS) ?? 'AnyWindow',
    moveOn: auValues.token(element, 'moveOn', MOVE_ON) ?? 'NotApplicable',
    masteryScore: auValues.decimal(element, 'masteryScore', { min: 0, max: 1 }) ?? null,
    activityType: attribute(element, 'activityType')?.trim() || null,
    launchParameters: childNamed(element, 'launchParameters')?.text.trim() || null,
    entitlementKey: childNamed(element, 'entitlementKey')?.text.trim() || null,
    objectiveIds: objectiveRefs(element),
    blockId,
  };
}

function objectiveRefs(element: XmlElement): string[] {
  const objectives = childNamed(element, 'objectives');
  return (objectives ? childrenNamed(objectives, 'objective') : [])
    .map((o) => attribute(o, 'idref')?.trim() ?? '')
    .filter((id) => id !== '');
}

function langStrings(element: XmlElement | undefined): LangString[] {
  return (element ? childrenNamed(element, 'langstring') : []).map((l) => ({
    lang: attribute(l, 'lang')?.trim() || null,
    value: collapsedText(l),
  }));
}

function first(strings: LangString[]): string {
  return strings.find((s) => s.value !== '')?.value ?? '';
}

/** Every AU in document order, blocks flattened. */
export function flattenAus(nodes: readonly Cmi5Node[]): Cmi5Au[] {
  return nodes.flatMap((node) => (node.kind === 'au' ? [node] : flattenAus(node.children)));
}

export function flattenBlocks(nodes: readonly Cmi5Node[]): Cmi5Block[] {
  return nodes.flatMap((node) => (node.kind === 'block' ? [node, ...flattenBlocks(node.children)] : []));
}
