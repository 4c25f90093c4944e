/** Quotes a CSV cell when needed (RFC 4180). */
function csvCell(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Saves generated text as a file. `excelBom` prefixes a byte-order mark so Excel reads UTF-8 names
 * right; leave it off for files meant to be uploaded again.
 */
export function downloadText(filename: string, text: string, options: { excelBom?: boolean } = {}): void {
  const parts = options.excelBom ? ['\uFEFF', text] : [text];
  const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
