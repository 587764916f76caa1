// CSV downloads: one quoting rule and the file name. A drill node marks every export as a drill (演练):
// the file name starts with DRILL- (and 演练- for clients that read RFC 5987 names).
import type { Response } from 'express';

export const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything; a leading = + - @ would be a formula in a spreadsheet.
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

export function csvDisposition(name: string, drill: boolean): string {
  if (!drill) return `attachment; filename="${name}.csv"`;
  return `attachment; filename="DRILL-${name}.csv"; filename*=UTF-8''${encodeURIComponent(`演练-${name}`)}.csv`;
}

/** Sends lines as a UTF-8 CSV with a BOM (spreadsheets then read Chinese correctly). */
export function sendCsvLines(res: Response, name: string, drill: boolean, lines: string[]): void {
  res
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', csvDisposition(name, drill))
    .send(`\uFEFF${lines.join('\r\n')}\r\n`);
}
