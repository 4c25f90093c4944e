/** JP may carry two decimals (e.g. 1,5 JP in Indonesian, 1.5 in English). */
export function formatJp(jp: number, language: string): string {
  return jp.toLocaleString(language, { maximumFractionDigits: 2 });
}

export { formatBytes } from '@asah/ui/format-bytes';

export function formatDateTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
