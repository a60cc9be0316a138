/** The report's stylesheet, inlined in each page (a report is one file to mail or archive). */
export const reportStyles = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --pre: #9aa5b1; --post: #0b6e4f; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-block-end: 1px solid #d9e2ec; }
.lead { font-size: 1.1rem; }
.note { color: var(--muted); font-size: 0.9rem; }
.languages { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; font-size: 0.9rem; }
.languages [aria-current] { font-weight: bold; }
.items li { margin-block-end: 0.5rem; }
.scroll { overflow-x: auto; }
.scroll:focus-visible, a:focus-visible { outline: 3px solid #2680c2; outline-offset: 2px; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.5rem; border-block-end: 1px solid #e4e7eb; text-align: end;
  white-space: nowrap; }
th[scope='row'], thead th:first-child { text-align: start; }
thead th { border-block-end: 2px solid var(--ink); vertical-align: bottom; }
tr.total { font-weight: bold; border-block-start: 2px solid var(--ink); }
.chart { width: 100%; max-width: 40rem; height: auto; display: block; direction: ltr; }
.chart text { font-size: 12px; fill: var(--ink); }
.chart .grid { stroke: #e4e7eb; }
.chart .interval { stroke-width: 2; }
.chart .interval.pre, .chart .pre { stroke: var(--pre); }
.chart .interval.post { stroke: var(--post); }
.chart circle.pre { fill: #fff; stroke-width: 2; }
.chart circle.post { fill: var(--post); }
.chart .bar { fill: var(--post); }
.chart .zero { stroke: var(--ink); stroke-dasharray: 4 3; }
.chart .axis { stroke: var(--ink); }
@media print { .languages { display: none; } h2 { break-after: avoid; } }
`;
