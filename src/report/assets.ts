/**
 * The report's one style sheet and one script, inlined into the page. The page's
 * Content-Security-Policy allows exactly these two (by their SHA-256) and nothing else:
 * no network, no other script, even if a document's text were ever to slip past escaping.
 */
import { createHash } from 'node:crypto';
import { OUTCOME_COLOUR, OUTCOME_TONE, PALETTE } from './model.js';

const swatches = Object.entries(OUTCOME_COLOUR)
  .map(([key, colour]) => `.sw-${key}{background-color:${colour}}`)
  .join('\n');
const hatched = Object.entries(OUTCOME_TONE)
  .filter(([, tone]) => tone === 'bad')
  .map(([key]) => `.sw-${key}`)
  .join(',');

export const CSS = `
:root{--ink:${PALETTE.ink};--muted:#4d4d4d;--line:#c8c8c8;--soft:#f4f4f4;--link:#005a8c;color-scheme:light}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;color:var(--ink);background:#fff}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
header.page{border-bottom:4px solid var(--ink);padding:1.25rem 0 .75rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .35rem}
h2{font-size:1.45rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.2rem;line-height:1.3;margin:1.75rem 0 .5rem}
h4{font-size:1rem;margin:.9rem 0 .35rem}
p{margin:.4rem 0}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #E69F00;outline-offset:2px}
.meta{color:var(--muted);margin:0}
.skip{position:absolute;left:-100vw;top:0}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.4rem .6rem;z-index:2}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.2rem 1.25rem;list-style:none;padding:0;margin:.75rem 0 0}
.empty{font-size:1.15rem;border-left:6px solid #E69F00;background:#fdf3e1;padding:.75rem 1rem;margin:1.5rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,9rem),1fr));gap:.75rem;list-style:none;padding:0;margin:1rem 0}
.card{border:1px solid var(--line);border-top:6px solid ${PALETTE.strength};border-radius:4px;padding:.55rem .75rem}
.card.adverse{border-top-color:${PALETTE.weakness};border-top-style:double}
.card .num{display:block;font-size:2rem;font-weight:700;line-height:1.15}
.card .lbl{display:block;font-size:.9rem;color:var(--muted)}
.headline{font-size:1.1rem;padding-left:1.1rem}
.headline li{margin:.3rem 0}
.fw-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:0 2.5rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,28rem),1fr));gap:1.5rem 2.5rem;align-items:start}
figure.chart-fig{margin:0}
figure.chart-fig figcaption{font-weight:700;font-size:1.05rem;margin-bottom:.15rem}
.note{font-size:.9rem;color:var(--muted)}
svg.chart{display:block;width:100%;height:auto;max-width:30rem;margin:.5rem 0;overflow:visible}
svg.chart text{font-family:inherit}
svg.chart .h{fill:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.2rem 1.1rem;list-style:none;padding:0;margin:.35rem 0;font-size:.9rem}
.sw{display:inline-block;width:1.1em;height:1.1em;vertical-align:-.2em;margin-right:.35em;border:1px solid #333;background-color:#bbb}
${swatches}
.sw-weak{background-color:${PALETTE.weakness}}
.sw-strong{background-color:${PALETTE.strength}}
${hatched},.sw-weak{background-image:repeating-linear-gradient(45deg,rgba(255,255,255,.7) 0 2px,transparent 2px 5px)}
details.data{margin:.35rem 0 .5rem}
details.data summary{cursor:pointer;font-size:.9rem;color:var(--link)}
details.data table{margin-top:.35rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--ink)}
.n{text-align:right;font-variant-numeric:tabular-nums}
td.date{white-space:nowrap}
th button{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th button::after{content:" \\2195";color:#777}
th[aria-sort=ascending] button::after{content:" \\25B2";color:inherit}
th[aria-sort=descending] button::after{content:" \\25BC";color:inherit}
.filter-box{margin:.75rem 0;display:flex;flex-wrap:wrap;align-items:center;gap:.35rem .75rem}
.filter-box label{font-weight:700}
#filter{font:inherit;padding:.35rem .55rem;border:2px solid #4d4d4d;border-radius:4px;width:min(100%,24rem)}
.badge{display:inline-block;border:2px solid #888;border-radius:1rem;padding:0 .55rem;font-size:.85rem;font-weight:700;background:#eee;white-space:normal}
.badge-good{border-color:#009E73;background:#def2ec}
.badge-mixed{border-color:#E69F00;background:#fcefd6}
.badge-bad{border-color:#D55E00;background:#fbe2d5;border-style:double;border-width:3px}
.area{border-top:1px solid var(--line);margin-top:1.5rem}
.area h3{margin-top:1rem}
.timeline{list-style:none;margin:.5rem 0 0;padding:0 0 0 1.1rem;border-left:3px solid var(--line)}
.timeline>li{position:relative;margin:0 0 1.25rem;padding-left:.6rem}
.timeline>li::before{content:"";position:absolute;left:calc(-1.1rem - 9px);top:.35rem;width:12px;height:12px;border-radius:50%;background:#fff;border:3px solid var(--ink)}
.tl-head{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.tl-date{font-weight:700}
.tl-gap{font-size:.9rem;color:var(--muted);font-style:italic}
.findings{padding-left:1.4rem;margin:.25rem 0}
.findings>li{margin:.6rem 0}
blockquote.evidence{margin:.2rem 0;padding:.3rem .75rem;border-left:4px solid #8c8c8c;background:var(--soft)}
blockquote.evidence p{margin:0}
.finding-meta{font-size:.88rem;color:var(--muted);margin:.15rem 0}
/* File paths have no spaces: let them break anywhere rather than widen a phone screen. */
.path{overflow-wrap:anywhere}
.tag{display:inline-block;border:1px solid #8c8c8c;border-radius:3px;padding:0 .35rem;margin:0 .2rem .15rem 0;font-size:.82rem;color:var(--ink);background:#fff}
footer.page{border-top:1px solid var(--line);margin-top:3rem;padding:1rem 0 2rem;color:var(--muted);font-size:.9rem}
@media (max-width:40rem){
  body{font-size:15px}
  h1{font-size:1.5rem}
  .card .num{font-size:1.6rem}
  table.inspections thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.inspections caption{display:block}
  table.inspections,table.inspections tbody,table.inspections tr,table.inspections td{display:block;width:100%}
  table.inspections tr{border:1px solid var(--line);border-radius:4px;margin:0 0 .6rem;padding:.25rem 0}
  table.inspections td{display:grid;grid-template-columns:minmax(6.5rem,38%) 1fr;gap:.5rem;border:0;padding:.15rem .6rem;text-align:left}
  table.inspections td::before{content:attr(data-label);font-weight:700;color:var(--muted)}
}
@page{size:A4;margin:14mm 12mm}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:10pt}
  .wrap{max-width:none;padding:0}
  .skip,nav.toc,.filter-box,details.data:not([open]){display:none!important}
  a{color:inherit;text-decoration:none}
  h2,h3,h4,figcaption{break-after:avoid}
  h2{margin-top:1.25rem}
  figure.chart-fig,.card,tr,.timeline>li>.tl-head,.findings>li,blockquote{break-inside:avoid}
  .charts{display:block}
  figure.chart-fig{margin-bottom:1rem}
  svg.chart{width:auto;height:auto;max-width:14cm;max-height:230mm}
  .table-wrap{overflow:visible}
  th button{display:contents}
  th:not([aria-sort]) button::after{content:none}
  table{font-size:8.5pt}
  th,td{padding:.2rem .3rem}
  .area{break-before:auto}
  tr[hidden]{display:table-row!important}
}
`;

/** Filtering and sorting the inspections table; the table is whole and readable without it. */
export const SCRIPT = `
(() => {
  const table = document.getElementById('inspections-table');
  const input = document.getElementById('filter');
  if (!table || !input) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const count = document.getElementById('filter-count');
  document.getElementById('filter-box').hidden = false;
  const apply = () => {
    const words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !words.every((w) => text.includes(w));
      if (!row.hidden) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' inspections shown';
  };
  input.addEventListener('input', apply);
  Array.from(table.tHead.rows[0].cells).forEach((th, i) => {
    const type = th.dataset.type;
    if (!type) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      for (const c of th.parentNode.cells) c.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const key = (row) => row.cells[i].dataset.sort ?? row.cells[i].textContent.trim();
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        if (x === '' || y === '') return (x === '') - (y === '');
        const d = type === 'number' ? Number(x) - Number(y) : x.localeCompare(y, 'en', { numeric: true });
        return asc ? d : -d;
      });
      body.append(...rows);
    });
  });
  apply();
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Nothing may load; only the page's own style sheet and script may run. */
export const CSP = [
  "default-src 'none'",
  `style-src ${sha256(CSS)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "font-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
