#!/usr/bin/env node
/**
 * Benchmark baseline: bare pdf-parse v2 `getText()` over the PDFs given, one after
 * another in this one process. Prints the number of pages and characters read, so a
 * run that silently read nothing shows.
 *
 *   node bench/pdf-parse-baseline.mjs a.pdf b.pdf ...
 */
import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';

let pages = 0;
let chars = 0;
for (const file of process.argv.slice(2)) {
  const data = await readFile(file);
  const parser = new PDFParse({ data });
  try {
    const result = await parser.getText();
    pages += result.total;
    chars += result.text.length;
  } finally {
    await parser.destroy();
  }
}
process.stdout.write(`${JSON.stringify({ files: process.argv.length - 2, pages, chars })}\n`);
