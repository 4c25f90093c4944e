/** JP may carry two decimals (e.g. 1,5 JP in Indonesian, 1.5 in English). */
export function formatJp(jp: number, language: string): string {
  return jp.toLocaleString(language, { maximumFractionDigits: 2 });
}

/** Sizes of uploads: 1234567 bytes → "1,2 MB". */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language, { maximumFractionDigits: digits })} ${units[unit]}`;
}

export function formatDateTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
