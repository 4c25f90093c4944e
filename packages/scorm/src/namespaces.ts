import { XML_NAMESPACE, type XmlAttribute, type XmlElement } from './xml';

/**
 * The vocabularies a SCORM manifest mixes. Elements are matched by local name and family, never
 * by prefix text, so `<imsss:sequencing>`, `<ss:sequencing>` and an unprefixed element in the
 * IMS SS namespace are the same thing.
 */
export type NamespaceFamily = 'imscp' | 'adlcp' | 'imsss' | 'adlseq' | 'adlnav' | 'lom' | 'xml' | 'other';

const FAMILY_BY_URI: [RegExp, NamespaceFamily][] = [
  [/imsss/i, 'imsss'],
  [/adlseq/i, 'adlseq'],
  [/adlnav/i, 'adlnav'],
  [/adlcp/i, 'adlcp'],
  [/imscp|imsproject\.org\/xsd\/ims_?cp/i, 'imscp'],
  [/imsmd|\/lom/i, 'lom'],
];

const FAMILY_BY_PREFIX: Record<string, NamespaceFamily> = {
  imsss: 'imsss',
  adlseq: 'adlseq',
  adlnav: 'adlnav',
  adlcp: 'adlcp',
  imscp: 'imscp',
  imsmd: 'lom',
  lom: 'lom',
  xml: 'xml',
};

/**
 * Family by namespace URI; when the prefix is unbound, by the conventional prefix name; an
 * element with neither prefix nor namespace is taken to be content packaging.
 */
export function familyOf(node: { namespace: string | null; prefix: string | null }): NamespaceFamily {
  if (node.namespace === XML_NAMESPACE) return 'xml';
  if (node.namespace !== null) return FAMILY_BY_URI.find(([pattern]) => pattern.test(node.namespace!))?.[1] ?? 'other';
  if (node.prefix === null) return 'imscp';
  return FAMILY_BY_PREFIX[node.prefix.toLowerCase()] ?? 'other';
}

/** SCORM 1.2 and 2004 spell the same element differently (`datafromlms`, `dataFromLMS`). */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Children with this local name (case-insensitive), optionally restricted to some families. */
export function childrenNamed(element: XmlElement, name: string, families?: NamespaceFamily[]): XmlElement[] {
  return element.children.filter(
    (child) => sameName(child.name, name) && (families === undefined || families.includes(familyOf(child))),
  );
}

export function childNamed(element: XmlElement, name: string, families?: NamespaceFamily[]): XmlElement | undefined {
  return childrenNamed(element, name, families)[0];
}

/** Content-packaging structure: its own namespace, or any namespace we do not know (odd authoring tools). */
export const CP_FAMILIES: NamespaceFamily[] = ['imscp', 'other'];

/**
 * Attribute by local name whatever its prefix (`adlcp:scormtype`, `adlcp:scormType`, unbound
 * `scormType`), exact case preferred. `xml:base` is looked up with `family: 'xml'`.
 */
export function attribute(element: XmlElement, name: string, family?: NamespaceFamily): string | undefined {
  const candidates = element.attributes.filter(
    (a) => sameName(a.name, name) && (family === undefined || attributeFamily(a) === family),
  );
  return (candidates.find((a) => a.name === name) ?? candidates[0])?.value;
}

function attributeFamily(a: XmlAttribute): NamespaceFamily | 'none' {
  return a.prefix === null ? 'none' : familyOf(a);
}

/** Trimmed text with internal whitespace collapsed, as titles are displayed. */
export function collapsedText(element: XmlElement | undefined): string {
  return element === undefined ? '' : element.text.replace(/\s+/g, ' ').trim();
}
