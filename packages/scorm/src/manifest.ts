import { issue, ScormPackageError, type PackageIssue } from './issues';
import { attribute, childNamed, childrenNamed, collapsedText, CP_FAMILIES } from './namespaces';
import { appendLaunchParameters, resolveHref, type ResolvedHref } from './package-paths';
import { parsePresentation, parseSequencing, type NavigationPresentation, type SequencingDefinition } from './sequencing';
import { defined, ValueReader } from './values';
import { decodeXmlBytes, parseXml, XmlError, type XmlDocument, type XmlElement } from './xml';

export type ScormStandard = 'scorm12' | 'scorm2004';
export type Scorm2004Edition = '2nd' | '3rd' | '4th';
export type ScormType = 'sco' | 'asset';
/** How the standard was recognised: the metadata `schemaversion`, the declared namespaces, or a guess. */
export type VersionSource = 'schemaversion' | 'namespace' | 'assumed';

/** A parsed `imsmanifest.xml`. JSON-serialisable; paths are relative to the manifest's folder. */
export interface ScormManifest {
  kind: 'scorm';
  standard: ScormStandard;
  /** SCORM 2004 edition; `null` for SCORM 1.2, or when a 2004 manifest does not state it. */
  edition: Scorm2004Edition | null;
  versionSource: VersionSource;
  /** `metadata/schemaversion` as written, trimmed. */
  schemaVersion: string | null;
  identifier: string | null;
  /** `manifest@version` */
  version: string | null;
  /** Title of the default organization. */
  title: string | null;
  /** The organization to deliver: `organizations@default`, else the first one; `null` when there is none. */
  defaultOrganizationId: string | null;
  organizations: ScormOrganization[];
  resources: ScormResource[];
  /** `imsss:sequencingCollection`: shared definitions that item sequencing refers to by `idRef`. */
  sequencingCollection: SequencingDefinition[];
  /** Nested `<manifest>` elements; their content is not imported (warned as `SUBMANIFEST_UNSUPPORTED`). */
  submanifestCount: number;
}

export interface ScormOrganization {
  identifier: string;
  title: string;
  structure: string | null;
  /** `adlseq:objectivesGlobalToSystem` (2004); spec default true. */
  objectivesGlobalToSystem: boolean | null;
  /** `adlcp:sharedDataGlobalToSystem` (2004 4th); spec default true. */
  sharedDataGlobalToSystem: boolean | null;
  sequencing: SequencingDefinition | null;
  items: ScormItem[];
}

export interface ScormItem {
  identifier: string;
  title: string;
  /** `isvisible`; default true. */
  isVisible: boolean;
  identifierRef: string | null;
  /** `parameters` as written (e.g. `?questions=Playing`). */
  parameters: string | null;
  /**
   * What to launch: the resource's href after `xml:base`, with `parameters` appended per the CAM
   * rules; relative to the manifest folder (or an absolute URL for an external resource).
   * `null` for aggregations and for items whose resource is missing or unusable.
   */
  launchHref: string | null;
  /** `adlcp:scormtype` of the referenced resource. */
  scormType: ScormType | null;

  /** SCORM 1.2 `adlcp:masteryscore`, 0..100. */
  masteryScore: number | null;
  /** SCORM 1.2 `adlcp:prerequisites` (an AICC script expression over item identifiers). */
  prerequisites: Scorm12Prerequisites | null;
  /** SCORM 1.2 `adlcp:maxtimeallowed` (CMITimespan, e.g. `00:30:00`). */
  maxTimeAllowed: string | null;
  /** `adlcp:timelimitaction` (1.2) / `adlcp:timeLimitAction` (2004). */
  timeLimitAction: TimeLimitAction | null;
  /** `adlcp:datafromlms` (1.2) / `adlcp:dataFromLMS` (2004): the launch data handed to the SCO, trimmed. */
  dataFromLms: string | null;

  /** SCORM 2004 `adlcp:completionThreshold`. */
  completionThreshold: CompletionThreshold | null;
  /** SCORM 2004 `imsss:sequencing`, raw (see sequencing.ts). */
  sequencing: SequencingDefinition | null;
  /** SCORM 2004 `adlnav:presentation`. */
  presentation: NavigationPresentation | null;
  /** SCORM 2004 4th `adlcp:data/adlcp:map`: shared data buckets. */
  sharedData: SharedDataMap[];
  children: ScormItem[];
}

export interface Scorm12Prerequisites {
  /** Usually `aicc_script`. */
  type: string | null;
  expression: string;
}

export const TIME_LIMIT_ACTIONS = ['exit,message', 'exit,no message', 'continue,message', 'continue,no message'] as const;
export type TimeLimitAction = (typeof TIME_LIMIT_ACTIONS)[number];

/**
 * 3rd edition writes the threshold as element text (`value`); 4th edition uses attributes.
 * `cmi.completion_threshold` is `value ?? minProgressMeasure`.
 */
export interface CompletionThreshold {
  /** Element text, 0..1 (3rd edition form). */
  value?: number;
  /** default false */
  completedByMeasure?: boolean;
  /** 0..1; default 1.0 */
  minProgressMeasure?: number;
  /** 0..1; default 1.0 */
  progressWeight?: number;
}

export interface SharedDataMap {
  targetId: string;
  /** default true */
  readSharedData?: boolean;
  /** default true */
  writeSharedData?: boolean;
}

export interface ScormResource {
  identifier: string;
  /** `type`, normally `webcontent`. */
  type: string | null;
  /** `adlcp:scormtype` / `adlcp:scormType`; `null` when absent (then treated as an asset). */
  scormType: ScormType | null;
  /** `href` as written. */
  href: string | null;
  /** `href` after the `xml:base` chain, normalised; `null` without href or when it leaves the package. */
  launchHref: string | null;
  /** True when `launchHref` is an absolute URL outside the package. */
  external: boolean;
  /** `<file href>` values after `xml:base`, normalised (references outside the package are dropped and warned). */
  files: string[];
  /** `<dependency identifierref>` values, in order. */
  dependencies: string[];
}

export interface ManifestParseResult {
  manifest: ScormManifest;
  /** Problems that do not stop parsing; each is an error or a warning by its code. */
  issues: PackageIssue[];
}

/**
 * Parses an `imsmanifest.xml` (SCORM 1.2 or 2004 2nd/3rd/4th edition).
 * Throws `ScormPackageError` with `MANIFEST_DTD` or `MANIFEST_INVALID` when the document cannot
 * be used at all; everything else is returned in `issues`.
 */
export function parseManifest(source: string | Uint8Array): ManifestParseResult {
  const issues: PackageIssue[] = [];
  const document = parseManifestXml(source, 'imsmanifest.xml', issues);
  const root = document.root;
  if (root.name !== 'manifest') {
    throw new ScormPackageError('MANIFEST_INVALID', `imsmanifest.xml: the root element is <${root.name}>, expected <manifest>`, {
      line: root.line,
    });
  }
  return { manifest: new ManifestReader(root, document.namespaceUris, issues).read(), issues };
}

/** Decodes and parses manifest XML, mapping parser failures to stable codes. */
export function parseManifestXml(source: string | Uint8Array, fileName: string, issues: PackageIssue[]): XmlDocument {
  try {
    let text: string;
    if (typeof source === 'string') {
      text = source;
    } else {
      const decoded = decodeXmlBytes(source);
      text = decoded.text;
      if (decoded.hadInvalidBytes) {
        issues.push(
          issue('MANIFEST_ENCODING', `${fileName} contains bytes that are not valid ${decoded.encoding}; they were replaced`, {
            details: { encoding: decoded.encoding },
          }),
        );
      }
    }
    return parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    const context = error.line === undefined ? {} : { line: error.line };
    if (error.kind === 'dtd') {
      throw new ScormPackageError('MANIFEST_DTD', `${fileName} is refused: ${error.message}`, context);
    }
    throw new ScormPackageError('MANIFEST_INVALID', `${fileName} is not well-formed XML: ${error.message}`, context);
  }
}

interface ResourceParse {
  resource: ScormResource;
  resolved: ResolvedHref | null;
}

class ManifestReader {
  private readonly values: ValueReader;
  private readonly resources = new Map<string, ResourceParse>();

  constructor(
    private readonly root: XmlElement,
    private readonly namespaceUris: string[],
    private readonly issues: PackageIssue[],
  ) {
    this.values = new ValueReader(issues);
  }

  read(): ScormManifest {
    const cp = (parent: XmlElement, name: string) => childNamed(parent, name, CP_FAMILIES);
    const schemaVersionElement = childNamed(cp(this.root, 'metadata') ?? this.root, 'schemaversion');
    const schemaVersion = schemaVersionElement ? collapsedText(schemaVersionElement) || null : null;
    const version = this.detectVersion(schemaVersion);

    const resourcesElement = cp(this.root, 'resources');
    for (const element of resourcesElement ? childrenNamed(resourcesElement, 'resource', CP_FAMILIES) : []) {
      this.readResource(element, resourcesElement!);
    }
    this.checkDependencies();

    const organizationsElement = cp(this.root, 'organizations');
    const organizations = (organizationsElement ? childrenNamed(organizationsElement, 'organization', CP_FAMILIES) : []).map(
      (element) => this.readOrganization(element),
    );
    const defaultOrganizationId = this.defaultOrganization(organizationsElement, organizations);

    const collectionElement = childNamed(this.root, 'sequencingCollection', ['imsss']);
    const sequencingCollection = collectionElement
      ? childrenNamed(collectionElement, 'sequencing').map((s) => parseSequencing(s, this.values, this.issues))
      : [];

    const submanifestCount = childrenNamed(this.root, 'manifest', CP_FAMILIES).length;
    if (submanifestCount > 0) {
      this.issues.push(
        issue('SUBMANIFEST_UNSUPPORTED', `the manifest contains ${submanifestCount} sub-manifest(s); their content is not imported`, {
          details: { count: submanifestCount },
        }),
      );
    }

    this.checkDuplicates(organizations);
    this.checkSequencingReferences(organizations, sequencingCollection);

    return {
      kind: 'scorm',
      ...version,
      schemaVersion,
      identifier: attribute(this.root, 'identifier')?.trim() || null,
      version: attribute(this.root, 'version')?.trim() || null,
      title: organizations.find((o) => o.identifier === defaultOrganizationId)?.title ?? null,
      defaultOrganizationId,
      organizations,
      resources: [...this.resources.values()].map((r) => r.resource),
      sequencingCollection,
      submanifestCount,
    };
  }

  private detectVersion(schemaVersion: string | null): Pick<ScormManifest, 'standard' | 'edition' | 'versionSource'> {
    const stated = fromSchemaVersion(schemaVersion);
    if (stated) return { ...stated, versionSource: 'schemaversion' };

    const uris = this.namespaceUris.join(' ');
    const standard: ScormStandard | null = /adlcp_rootv1p2/i.test(uris)
      ? 'scorm12'
      : /adlcp_v1p3|imsss|adlseq|adlnav/i.test(uris)
        ? 'scorm2004'
        : /imscp_rootv1p1p2/i.test(uris)
          ? 'scorm12'
          : /imscp_v1p1/i.test(uris)
            ? 'scorm2004'
            : null;
    const unrecognised = schemaVersion === null ? '' : `schemaversion "${schemaVersion}" is not recognised; `;
    if (standard === null) {
      this.issues.push(
        issue('VERSION_ASSUMED', `${unrecognised}no SCORM namespace is declared; the package is treated as SCORM 1.2`, {
          details: { schemaVersion },
        }),
      );
      return { standard: 'scorm12', edition: null, versionSource: 'assumed' };
    }
    // SCORM 1.2 metadata is optional, so a missing schemaversion there is normal.
    if (schemaVersion !== null || standard === 'scorm2004') {
      const label = standard === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004 (edition unknown)';
      this.issues.push(
        issue('VERSION_FROM_NAMESPACE', `${unrecognised || 'no schemaversion is given; '}recognised as ${label} from the namespaces`, {
          details: { schemaVersion },
        }),
      );
    }
    return { standard, edition: null, versionSource: 'namespace' };
  }

  private readResource(element: XmlElement, resourcesElement: XmlElement): void {
    const identifier = attribute(element, 'identifier')?.trim() ?? '';
    const values = this.values.with({ resourceId: identifier });
    const bases = [this.root, resourcesElement, element].map((e) => attribute(e, 'base', 'xml') ?? '');
    const href = attribute(element, 'href')?.trim() || null;
    const resolved = href === null ? null : resolveHref(bases, href);

    const files: string[] = [];
    for (const file of childrenNamed(element, 'file', CP_FAMILIES)) {
      const fileHref = attribute(file, 'href')?.trim();
      if (!fileHref) continue;
      const fileBases = [...bases, attribute(file, 'base', 'xml') ?? ''];
      const target = resolveHref(fileBases, fileHref);
      if (target.kind === 'package') files.push(target.href);
      else if (target.kind === 'outside') {
        this.issues.push(
          issue('FILE_MISSING', `resource ${identifier}: file "${fileHref}" points outside the package`, {
            resourceId: identifier,
            line: file.line,
            details: { href: fileHref },
          }),
        );
      }
    }

    const resource: ScormResource = {
      identifier,
      type: attribute(element, 'type')?.trim() || null,
      scormType: values.token(element, 'scormType', ['sco', 'asset'] as const) ?? null,
      href,
      launchHref: resolved && resolved.kind !== 'outside' ? resolved.href : null,
      external: resolved?.kind === 'external',
      files,
      dependencies: childrenNamed(element, 'dependency', CP_FAMILIES)
        .map((d) => attribute(d, 'identifierref')?.trim() ?? '')
        .filter((ref) => ref !== ''),
    };
    if (this.resources.has(identifier)) {
      this.duplicate('resource', identifier, element.line);
      return;
    }
    this.resources.set(identifier, { resource, resolved });
  }

  private readOrganization(element: XmlElement): ScormOrganization {
    const identifier = attribute(element, 'identifier')?.trim() ?? '';
    const values = this.values.with({ itemId: identifier });
    const sequencing = childNamed(element, 'sequencing', ['imsss', 'imscp', 'other']);
    return {
      identifier,
      title: collapsedText(childNamed(element, 'title', CP_FAMILIES)),
      structure: attribute(element, 'structure')?.trim() || null,
      objectivesGlobalToSystem: values.boolean(element, 'objectivesGlobalToSystem') ?? null,
      sharedDataGlobalToSystem: values.boolean(element, 'sharedDataGlobalToSystem') ?? null,
      sequencing: sequencing ? parseSequencing(sequencing, values, this.issues) : null,
      items: childrenNamed(element, 'item', CP_FAMILIES).map((item) => this.readItem(item)),
    };
  }

  private readItem(element: XmlElement): ScormItem {
    const identifier = attribute(element, 'identifier')?.trim() ?? '';
    const values = this.values.with({ itemId: identifier });
    const extension = (name: string) => childNamed(element, name);
    const identifierRef = attribute(element, 'identifierref')?.trim() || null;
    const parameters = attribute(element, 'parameters') ?? null;
    const children = childrenNamed(element, 'item', CP_FAMILIES).map((item) => this.readItem(item));
    const target = this.launchTarget(identifier, identifierRef, parameters, children.length === 0, element.line);

    const mastery = extension('masteryscore');
    const prerequisites = extension('prerequisites');
    const timeLimitAction = extension('timeLimitAction');
    const threshold = extension('completionThreshold');
    const sequencing = childNamed(element, 'sequencing', ['imsss', 'imscp', 'other']);
    const presentation = childNamed(element, 'presentation', ['adlnav', 'imscp', 'other']);
    const data = extension('data');

    return {
      identifier,
      title: collapsedText(childNamed(element, 'title', CP_FAMILIES)),
      isVisible: values.boolean(element, 'isvisible') ?? true,
      identifierRef,
      parameters,
      ...target,
      masteryScore: (mastery && values.decimalText(mastery, { min: 0, max: 100 })) ?? null,
      prerequisites: prerequisites && collapsedText(prerequisites) !== ''
        ? { type: attribute(prerequisites, 'type')?.trim() || null, expression: collapsedText(prerequisites) }
        : null,
      maxTimeAllowed: collapsedText(extension('maxtimeallowed')) || null,
      // `exit, message` and `Exit,Message` are seen in the wild.
      timeLimitAction: (timeLimitAction && values.tokenText(timeLimitAction, TIME_LIMIT_ACTIONS, (raw) => raw.replace(/\s*,\s*/, ','))) ?? null,
      dataFromLms: extension('dataFromLMS')?.text.trim() || null,
      completionThreshold: threshold ? this.readCompletionThreshold(threshold, values) : null,
      sequencing: sequencing ? parseSequencing(sequencing, values, this.issues) : null,
      presentation: presentation ? parsePresentation(presentation, values) : null,
      sharedData: data
        ? childrenNamed(data, 'map').flatMap((map) => {
            const targetId = values.string(map, 'targetID');
            if (targetId === undefined) return [];
            return [
              defined<SharedDataMap>({
                targetId,
                readSharedData: values.boolean(map, 'readSharedData'),
                writeSharedData: values.boolean(map, 'writeSharedData'),
              }),
            ];
          })
        : [],
      children,
    };
  }

  private launchTarget(
    itemId: string,
    identifierRef: string | null,
    parameters: string | null,
    isLeaf: boolean,
    line: number,
  ): Pick<ScormItem, 'launchHref' | 'scormType'> {
    const none = { launchHref: null, scormType: null };
    if (identifierRef === null) {
      if (isLeaf) {
        this.issues.push(issue('ITEM_WITHOUT_RESOURCE', `item ${itemId} has neither a resource nor child items`, { itemId, line }));
      }
      return none;
    }
    const parsed = this.resources.get(identifierRef);
    if (!parsed) {
      this.issues.push(
        issue('ITEM_RESOURCE_MISSING', `item ${itemId} refers to resource ${identifierRef}, which is not in the manifest`, {
          itemId,
          resourceId: identifierRef,
          line,
        }),
      );
      return none;
    }
    const { resource, resolved } = parsed;
    const scormType = resource.scormType;
    if (resolved === null) {
      this.issues.push(
        issue('RESOURCE_HREF_MISSING', `item ${itemId} refers to resource ${identifierRef}, which has no href to launch`, {
          itemId,
          resourceId: identifierRef,
          line,
        }),
      );
      return { launchHref: null, scormType };
    }
    if (resolved.kind === 'outside') {
      this.issues.push(
        issue('PATH_OUTSIDE_PACKAGE', `item ${itemId}: the launch path "${resolved.href}" points outside the package`, {
          itemId,
          resourceId: identifierRef,
          line,
          details: { href: resolved.href },
        }),
      );
      return { launchHref: null, scormType };
    }
    return { launchHref: appendLaunchParameters(resolved.href, parameters), scormType };
  }

  private readCompletionThreshold(element: XmlElement, values: ValueReader): CompletionThreshold | null {
    const threshold = defined<CompletionThreshold>({
      value: values.decimalText(element, { min: 0, max: 1 }),
      completedByMeasure: values.boolean(element, 'completedByMeasure'),
      minProgressMeasure: values.decimal(element, 'minProgressMeasure', { min: 0, max: 1 }),
      progressWeight: values.decimal(element, 'progressWeight', { min: 0, max: 1 }),
    });
    return Object.keys(threshold).length === 0 ? null : threshold;
  }

  private defaultOrganization(element: XmlElement | undefined, organizations: ScormOrganization[]): string | null {
    if (organizations.length === 0) {
      this.issues.push(issue('NO_ORGANIZATION', 'the manifest has no organization, so there is nothing to deliver'));
      return null;
    }
    const wanted = element ? attribute(element, 'default')?.trim() : undefined;
    if (wanted && organizations.some((o) => o.identifier === wanted)) return wanted;
    if (wanted) {
      this.issues.push(
        issue(
          'DEFAULT_ORGANIZATION_MISSING',
          `the default organization ${wanted} does not exist; ${organizations[0]!.identifier} is used instead`,
          { details: { default: wanted, used: organizations[0]!.identifier } },
        ),
      );
    }
    return organizations[0]!.identifier;
  }

  private checkDuplicates(organizations: ScormOrganization[]): void {
    const seen = new Set<string>();
    const visit = (identifier: string) => {
      if (seen.has(identifier)) this.duplicate('item', identifier);
      seen.add(identifier);
    };
    for (const organization of organizations) {
      visit(organization.identifier);
      for (const item of flattenItems(organization.items)) visit(item.identifier);
    }
  }

  private duplicate(what: 'item' | 'resource', identifier: string, line?: number): void {
    this.issues.push(
      issue('DUPLICATE_IDENTIFIER', `the ${what} identifier "${identifier}" is used more than once; only the first is used`, {
        ...(what === 'item' ? { itemId: identifier } : { resourceId: identifier }),
        ...(line === undefined ? {} : { line }),
      }),
    );
  }

  private checkDependencies(): void {
    for (const { resource } of this.resources.values()) {
      for (const dependency of resource.dependencies.filter((d) => !this.resources.has(d))) {
        this.issues.push(
          issue('DEPENDENCY_MISSING', `resource ${resource.identifier} depends on ${dependency}, which is not in the manifest`, {
            resourceId: resource.identifier,
            details: { dependency },
          }),
        );
      }
    }
  }

  private checkSequencingReferences(organizations: ScormOrganization[], collection: SequencingDefinition[]): void {
    const ids = new Set(collection.map((s) => s.id).filter((id) => id !== undefined));
    const check = (owner: string, sequencing: SequencingDefinition | null) => {
      if (sequencing?.idRef !== undefined && !ids.has(sequencing.idRef)) {
        this.issues.push(
          issue('SEQUENCING_REFERENCE_MISSING', `${owner}: sequencing refers to ${sequencing.idRef}, which is not in the sequencing collection`, {
            itemId: owner,
            details: { idRef: sequencing.idRef },
          }),
        );
      }
    };
    for (const organization of organizations) {
      check(organization.identifier, organization.sequencing);
      for (const item of flattenItems(organization.items)) check(item.identifier, item.sequencing);
    }
  }
}

function fromSchemaVersion(schemaVersion: string | null): Pick<ScormManifest, 'standard' | 'edition'> | null {
  const value = (schemaVersion ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(scorm )?1\.2$/.test(value)) return { standard: 'scorm12', edition: null };
  if (/^(cam )?1\.3$/.test(value)) return { standard: 'scorm2004', edition: '2nd' };
  const edition = /^(scorm )?2004 (2nd|3rd|4th) edition$/.exec(value)?.[2] as Scorm2004Edition | undefined;
  return edition ? { standard: 'scorm2004', edition } : null;
}

/** Items in delivery order (pre-order), aggregations included. */
export function flattenItems(items: readonly ScormItem[]): ScormItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.children)]);
}

export function defaultOrganization(manifest: ScormManifest): ScormOrganization | null {
  return manifest.organizations.find((o) => o.identifier === manifest.defaultOrganizationId) ?? null;
}

/** Items of the default organization that launch something, in delivery order. */
export function launchableItems(manifest: ScormManifest): ScormItem[] {
  return flattenItems(defaultOrganization(manifest)?.items ?? []).filter((item) => item.launchHref !== null);
}

/** Every file a resource needs: its own files, then its dependencies' files, transitively, without repeats. */
export function resourceFiles(manifest: ScormManifest, resourceId: string): string[] {
  const byId = new Map(manifest.resources.map((r) => [r.identifier, r]));
  const files = new Set<string>();
  const visited = new Set<string>();
  const visit = (id: string) => {
    const resource = byId.get(id);
    if (!resource || visited.has(id)) return;
    visited.add(id);
    resource.files.forEach((f) => files.add(f));
    resource.dependencies.forEach(visit);
  };
  visit(resourceId);
  return [...files];
}
