/** JP are quarter hours at most (45-minute JP rounded down to 0.25); Indonesian decimals use a comma. */
export function formatJp(value: number, locale = document.documentElement.lang || 'id'): string {
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

export function formatRupiah(value: number, locale = document.documentElement.lang || 'id'): string {
  return value.toLocaleString(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
}
