/**
 * Code-unit order for ids and codes: the same on every machine and in every locale (unlike
 * `localeCompare`), so sorted output never depends on the server's settings.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
