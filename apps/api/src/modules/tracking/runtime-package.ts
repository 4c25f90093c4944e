import type { TRuntimeItem, TScormStandard } from '@asah/contracts/tracking';
import { defaultOrganization, type ScormItem, type ScormManifest } from '@asah/scorm/manifest';
import { buildSequencingSettings } from '@asah/scorm/sequencing-settings';
import type { PackageVersion } from '../content/package-version.entity';

/** What the runtime needs of a package version, computed once per version and cached (versions never change). */
export interface RuntimePackage {
  versionId: string;
  standard: TScormStandard;
  title: string;
  items: TRuntimeItem[];
  /** Launchable items (SCOs and assets) in delivery order. */
  launchable: { identifier: string; scormType: 'sco' | 'asset'; item: ScormItem }[];
  launchableIds: Set<string>;
  sequencing: unknown;
}

export function runtimePackage(version: PackageVersion, contentUrl: string, fallbackTitle: string): RuntimePackage | null {
  if (version.structure.kind !== 'scorm') return null;
  const manifest: ScormManifest = version.structure.manifest;
  const pages = new Map(version.launchPages.map((p) => [p.itemId, p]));
  const urlOf = (item: ScormItem): string | null => {
    const page = pages.get(item.identifier);
    if (!page) return null;
    return page.external ? page.href : `${contentUrl}/v/${version.id}/${page.href}`;
  };
  const launchable: RuntimePackage['launchable'] = [];
  const toItem = (item: ScormItem): TRuntimeItem => {
    const launchUrl = urlOf(item);
    const scormType = launchUrl ? (item.scormType ?? 'asset') : null;
    if (launchUrl && scormType) launchable.push({ identifier: item.identifier, scormType, item });
    return { identifier: item.identifier, title: item.title, launchUrl, scormType, isVisible: item.isVisible, children: item.children.map(toItem) };
  };
  const organization = defaultOrganization(manifest);
  const items = (organization?.items ?? []).map(toItem);
  let sequencing: unknown = null;
  if (manifest.standard === 'scorm2004') {
    try {
      sequencing = buildSequencingSettings(manifest);
    } catch {
      // A package whose sequencing cannot be translated still plays, in flow order.
      sequencing = null;
    }
  }
  return {
    versionId: version.id,
    standard: manifest.standard,
    title: version.title ?? organization?.title ?? fallbackTitle,
    items,
    launchable,
    launchableIds: new Set(launchable.map((l) => l.identifier)),
    sequencing,
  };
}
