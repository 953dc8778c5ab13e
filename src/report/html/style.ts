/**
 * The report's only stylesheet, inlined in a `<style>` element whose hash the
 * Content-Security-Policy allows (no inline `style=""` attributes anywhere). System
 * fonts only: nothing is fetched.
 */
export const STYLE = `
:root { --ink:#1b1f24; --muted:#5b6570; --line:#d6dbe1; --bg:#f6f7f9; --accent:#1f4e79;
  --critical:#7f1d1d; --high:#c0262d; --medium:#b45309; --low:#1d5fb8; --info:#5b6570;
  --pass:#166534; --fail:#b91c1c; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; font-size: 15px; line-height: 1.45; }
h1 { font-size: 24px; margin: 0 0 4px; color: var(--accent); }
h1 .other, h2 .other, h3 .other, th .other, dt .other { color: var(--muted); font-weight: normal; }
h1 .other { display: block; font-size: 16px; }
h2 { font-size: 19px; border-bottom: 2px solid var(--accent); padding-bottom: 3px; margin: 28px 0 12px; color: var(--accent); }
h3 { font-size: 16px; margin: 18px 0 8px; word-break: break-all; }
.preface { margin: 6px 0 0; padding: 0; list-style: none; color: var(--muted); }
.verdict { display: inline-block; padding: 6px 14px; border-radius: 4px; color: #fff; font-weight: bold; font-size: 18px; margin: 12px 0 4px; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 12px 0; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.tile { border: 1px solid var(--line); border-top-width: 5px; border-radius: 4px; padding: 6px 12px; min-width: 118px; background: var(--bg); }
.tile .n { font-size: 24px; font-weight: bold; display: block; }
.tile.sev-critical { border-top-color: var(--critical); } .tile.sev-high { border-top-color: var(--high); }
.tile.sev-medium { border-top-color: var(--medium); } .tile.sev-low { border-top-color: var(--low); } .tile.sev-info { border-top-color: var(--info); }
.charts { display: flex; flex-wrap: wrap; gap: 18px 28px; }
figure.chart { margin: 0; }
figure.chart figcaption { font-weight: bold; margin-bottom: 4px; }
.chart-label, .chart-value { font-size: 12px; fill: var(--ink); font-family: inherit; }
rect.track { fill: #eef1f4; }
rect.fill-default { fill: var(--accent); }
rect.sev-critical { fill: var(--critical); } rect.sev-high { fill: var(--high); } rect.sev-medium { fill: var(--medium); }
rect.sev-low { fill: var(--low); } rect.sev-info { fill: var(--info); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); }
td.num, th.num { text-align: right; }
td.path { word-break: break-all; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 3px; color: #fff; font-size: 12px; font-weight: bold; text-transform: uppercase; font-family: sans-serif; }
.badge.sev-critical { background: var(--critical); } .badge.sev-high { background: var(--high); }
.badge.sev-medium { background: var(--medium); } .badge.sev-low { background: var(--low); } .badge.sev-info { background: var(--info); }
.badge.blocking { background: #111; }
article.finding { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 4px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
article.finding.sev-critical { border-left-color: var(--critical); } article.finding.sev-high { border-left-color: var(--high); }
article.finding.sev-medium { border-left-color: var(--medium); } article.finding.sev-low { border-left-color: var(--low); }
article.finding header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
article.finding .rule { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-weight: bold; }
article.finding .title { font-weight: bold; }
article.finding .where { color: var(--muted); font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; word-break: break-all; }
article.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 12px; margin: 8px 0 0; }
article.finding dt { font-weight: bold; color: var(--muted); } article.finding dd { margin: 0; }
article.finding ul.basis { margin: 0; padding-left: 18px; }
code, .value { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
pre.code { background: #f8f9fb; border: 1px solid var(--line); border-radius: 3px; padding: 6px 0; margin: 8px 0 0; overflow-x: auto; font-size: 12.5px; line-height: 1.4; tab-size: 4; }
pre.code span.l { display: block; padding: 0 10px 0 0; white-space: pre; }
pre.code span.l.hit { background: #fff1c2; }
pre.code span.ln { display: inline-block; min-width: 52px; padding-right: 10px; margin-right: 8px; text-align: right; color: var(--muted); border-right: 1px solid var(--line); user-select: none; }
.muted { color: var(--muted); }
nav.toc ol { columns: 2; padding-left: 22px; }
nav.toc a, article a { color: var(--accent); }
footer { margin-top: 36px; border-top: 1px solid var(--line); padding-top: 8px; color: var(--muted); font-size: 13px; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; } nav.toc { display: none; }
  pre.code { white-space: pre-wrap; overflow: visible; }
  pre.code span.l { white-space: pre-wrap; word-break: break-all; }
}
`;
