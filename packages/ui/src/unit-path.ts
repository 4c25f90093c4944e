export const UNIT_PATH_SEPARATOR = ' › ';

/**
 * "Dinas Kesehatan › Bidang Pelayanan Kesehatan". The path lists the unit's ancestors from the
 * top; it may or may not end with the unit itself, so the name is added only when missing.
 */
export function unitPathLabel(unit: { name: string; path?: readonly string[] }): string {
  const path = unit.path ?? [];
  const full = path.at(-1) === unit.name ? path : [...path, unit.name];
  return full.join(UNIT_PATH_SEPARATOR);
}
