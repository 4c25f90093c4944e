/** Fills a numbering scheme (`SERT/{year}/{agency}/{seq:6}`): tokens validated by ZNumberScheme. */
export function formatNumber(scheme: string, values: { year: number; agency: string; course: string; seq: number }): string {
  return scheme.replace(/\{(year|agency|course|seq)(?::(\d{1,2}))?\}/g, (_, token: string, width?: string) => {
    if (token === 'year') return String(values.year);
    if (token === 'agency') return values.agency;
    if (token === 'course') return values.course;
    return String(values.seq).padStart(Number(width ?? 1), '0');
  });
}
