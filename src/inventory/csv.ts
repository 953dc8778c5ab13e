/** RFC 4180: quote when the field has a comma, quote, CR or LF; double the quotes. A leading =,+,-,@ is prefixed with ' (spreadsheet formula injection). */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
