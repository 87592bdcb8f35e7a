import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import fs from 'node:fs';
import { loadGoldDirs } from './src/check/gold.js';
import { normaliseForMatch } from './src/check/normalise.js';
import { findFurniture } from './src/check/furniture.js';
import { ITEM_LISTS } from './src/types.js';

const golds = await loadGoldDirs(['/work/shared/corpus']);
console.log('gold docs', golds.length, golds.slice(0, 3).map((g) => g.label));
for (const g of golds) {
  let body = '', foot = '';
  if (g.path.endsWith('.pdf')) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(g.path)), verbosity: 0 }).promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const tc = await (await doc.getPage(p)).getTextContent();
      const lines = new Map<number, string>();
      for (const it of tc.items as any[]) { if (!('str' in it)) continue; const y = Math.round(it.transform[5]); lines.set(y, (lines.get(y) ?? '') + it.str); }
      for (const y of [...lines.keys()].sort((a, b) => b - a)) { if (y < 50) foot += lines.get(y) + '\n'; else body += lines.get(y) + '\n'; }
    }
  } else body = fs.readFileSync(g.path, 'utf8');
  const nb = normaliseForMatch(body);
  let miss = 0;
  for (const l of ITEM_LISTS) for (const it of g[l]) {
    const s = normaliseForMatch(it.start), e = normaliseForMatch(it.end);
    if (!nb.includes(s)) { miss++; console.log('  START not in text', g.label, l, JSON.stringify(s)); }
    if (!nb.includes(e)) { miss++; console.log('  END not in text', g.label, l, JSON.stringify(e)); }
  }
  // false positives of furniture patterns on body text, in windows of sentences
  const sentences = nb.split(/(?<=[.!?]) /);
  for (let k = 0; k < sentences.length; k++) {
    const w = sentences.slice(k, k + 3).join(' ');
    const hit = findFurniture(w, []);
    if (hit) console.log('  FP?', g.label, hit.via, JSON.stringify(hit.match));
  }
  // footers must be caught when glued into prose
  const fl = normaliseForMatch(foot);
  if (foot && !findFurniture('Some text ' + fl + ' more text', [])) console.log('  FOOTER NOT CAUGHT', g.label, JSON.stringify(fl.slice(0, 120)));
}
