/**
 * Paths inside a package. Manifest hrefs are URLs relative to the manifest's folder (after
 * `xml:base`), may carry a query or fragment, and are percent-encoded; zip entries are plain names.
 */

export type ResolvedHref =
  /** Inside the package: normalised path relative to the manifest folder, query/fragment kept. */
  | { kind: 'package'; href: string }
  /** An absolute URL (`https://…`, `//host/…`): launched from outside the package. */
  | { kind: 'external'; href: string }
  /** Rooted (`/x`, `C:\x`) or climbing above the manifest folder with `..`. */
  | { kind: 'outside'; href: string };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;

/** Splits `a/b.html?x=1#top` into the path and the `?…`/`#…` suffix. */
export function splitHref(href: string): { path: string; suffix: string } {
  const cut = href.search(/[?#]/);
  return cut === -1 ? { path: href, suffix: '' } : { path: href.slice(0, cut), suffix: href.slice(cut) };
}

/**
 * Resolves an href against the `xml:base` chain (manifest, resources, resource), outermost first.
 * A base is always taken as a folder, even without its trailing slash, as authors intend.
 */
export function resolveHref(bases: readonly string[], href: string): ResolvedHref {
  let combined = '';
  for (const base of bases.map((b) => b.trim()).filter((b) => b !== '')) {
    combined = join(combined, base);
    if (!combined.endsWith('/')) combined += '/';
  }
  combined = join(combined, href.trim());
  if (isAbsoluteUrl(combined)) return { kind: 'external', href: combined };
  if (isRooted(combined)) return { kind: 'outside', href: combined };
  const { path, suffix } = splitHref(combined);
  const normalised = normalisePath(path.replace(/\\/g, '/'));
  return normalised === null ? { kind: 'outside', href: combined } : { kind: 'package', href: normalised + suffix };
}

function join(base: string, relative: string): string {
  return isAbsoluteUrl(relative) || isRooted(relative) ? relative : base + relative;
}

export function isAbsoluteUrl(href: string): boolean {
  return SCHEME.test(href) || href.startsWith('//');
}

function isRooted(href: string): boolean {
  return /^([\\/]|[A-Za-z]:)/.test(href);
}

/** Removes `.` and empty segments and applies `..`; `null` when `..` climbs above the start. */
export function normalisePath(path: string): string | null {
  const resolved: string[] = [];
  const segments = path.split('/');
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === '..') {
      if (resolved.length === 0) return null;
      resolved.pop();
    } else if (segment !== '.' && (segment !== '' || last)) {
      resolved.push(segment);
    }
  }
  return resolved.join('/');
}

/** The zip entry name an in-package href points at: suffix dropped, percent-decoding applied. */
export function entryNameOf(href: string): string {
  const { path } = splitHref(href);
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/**
 * Appends an item's `parameters` to its resource's launch URL, following the SCORM CAM
 * guidance: leading `?` and `&` are ignored; parameters starting with `#` are appended only
 * when the URL has no fragment yet; otherwise they join the query with `&` if the URL already
 * has one, else with `?`. The query is inserted before an existing fragment (the CAM text
 * appends blindly, which would bury the parameters inside the fragment).
 */
export function appendLaunchParameters(href: string, parameters: string | null | undefined): string {
  const params = (parameters ?? '').trim().replace(/^[?&]+/, '');
  if (params === '') return href;
  const hash = href.indexOf('#');
  if (params.startsWith('#')) return hash === -1 ? href + params : href;
  const [beforeFragment, fragment] = hash === -1 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  const separator = !beforeFragment.includes('?') ? '?' : /[?&]$/.test(beforeFragment) ? '' : '&';
  return beforeFragment + separator + params + fragment;
}
