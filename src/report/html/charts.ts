/**
 * Inline SVG bar charts for the HTML report: no script, no external resource, readable
 * when printed. Labels are escaped (they may be folder names from the repository).
 */
import { clip, esc } from './escape.js';

export interface Bar {
  label: string;
  value: number;
  /** A CSS class giving the bar its colour (e.g. `sev-critical`). */
  className?: string;
}

const WIDTH = 500;
const LABEL_W = 205;
const VALUE_W = 44;
const ROW_H = 24;
const BAR_H = 16;
const TOP = 6;

/** A horizontal bar chart; `id` names it for tests and anchors. */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = TOP * 2 + ROW_H * Math.max(1, bars.length);
  const barArea = WIDTH - LABEL_W - VALUE_W;
  const rows = bars.map((b, i) => {
    const y = TOP + i * ROW_H;
    const w = b.value > 0 ? Math.max(2, Math.round((b.value / max) * barArea)) : 0;
    const label = clip(b.label, 32);
    return (
      `<g class="bar" data-label="${esc(b.label)}" data-value="${b.value}">` +
      `<title>${esc(b.label)}: ${b.value}</title>` +
      `<text x="${LABEL_W - 8}" y="${y + BAR_H - 3}" text-anchor="end" class="chart-label">${esc(label)}</text>` +
      `<rect x="${LABEL_W}" y="${y}" width="${barArea}" height="${BAR_H}" class="track"/>` +
      (w > 0 ? `<rect x="${LABEL_W}" y="${y}" width="${w}" height="${BAR_H}" class="fill ${esc(b.className ?? 'fill-default')}"/>` : '') +
      `<text x="${LABEL_W + barArea + 6}" y="${y + BAR_H - 3}" class="chart-value">${b.value}</text>` +
      `</g>`
    );
  });
  return (
    `<figure class="chart" id="${esc(id)}">` +
    `<figcaption>${esc(title)}</figcaption>` +
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">` +
    rows.join('') +
    `</svg></figure>`
  );
}
