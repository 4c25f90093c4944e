/** Test-only builders for small manifests: each test states only the part it is about. */

export const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
};

export interface ManifestParts {
  /** Text of metadata/schemaversion; `null` leaves the metadata out. */
  schemaVersion?: string | null;
  /** Namespace declarations on <manifest>, replacing the standard's defaults. */
  namespaces?: string;
  /** Extra attributes on <manifest>, e.g. xml:base. */
  manifestAttributes?: string;
  organizations?: string;
  resources?: string;
  /** After </resources>: sequencingCollection, sub-manifests. */
  trailer?: string;
}

function manifest(parts: ManifestParts, defaults: { schemaVersion: string; namespaces: string }): string {
  const schemaVersion = parts.schemaVersion === undefined ? defaults.schemaVersion : parts.schemaVersion;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.manifest" version="1" ${parts.namespaces ?? defaults.namespaces} ${parts.manifestAttributes ?? ''}>
  ${schemaVersion === null ? '' : `<metadata><schema>ADL SCORM</schema><schemaversion>${schemaVersion}</schemaversion></metadata>`}
  <organizations default="org">${parts.organizations ?? ''}</organizations>
  <resources>${parts.resources ?? ''}</resources>
  ${parts.trailer ?? ''}
</manifest>`;
}

export function scorm12Manifest(parts: ManifestParts = {}): string {
  return manifest(parts, {
    schemaVersion: '1.2',
    namespaces: `xmlns="${NS.cp12}" xmlns:adlcp="${NS.adlcp12}"`,
  });
}

export function scorm2004Manifest(parts: ManifestParts = {}): string {
  return manifest(parts, {
    schemaVersion: '2004 4th Edition',
    namespaces: `xmlns="${NS.cp2004}" xmlns:adlcp="${NS.adlcp2004}" xmlns:adlseq="${NS.adlseq}" xmlns:adlnav="${NS.adlnav}" xmlns:imsss="${NS.imsss}"`,
  });
}

/** One organization "org" holding the given items. */
export function organization(items: string, extra = ''): string {
  return `<organization identifier="org"><title>Course</title>${items}${extra}</organization>`;
}

export function scoResource(identifier: string, href: string, body = '', attributes = ''): string {
  return `<resource identifier="${identifier}" type="webcontent" adlcp:scormType="sco" href="${href}" ${attributes}>${body}</resource>`;
}
