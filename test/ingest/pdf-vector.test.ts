/**
 * The content stream rule reader: table grid lines read from small PDFs built here by
 * hand, and null (never an exception) for whatever it cannot read.
 */
import { describe, expect, it, vi } from 'vitest';
import { zlibSync } from 'fflate';
import { ContentStreamRuleReader } from '../../src/ingest/pdf-vector.js';
import { readPdfPages } from '../../src/ingest/pdf.js';
import { buildPdf } from '../support/handmade-pdf.js';

// pdf.js runs in one test, on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const HEIGHT = 792;
const latin1 = (s: string) => Buffer.from(s, 'latin1');
const deflate = (s: string) => Buffer.from(zlibSync(latin1(s))).toString('latin1');
const stream = (data: string, dict = '') => `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;

/** A one-page PDF (classic xref table) with the given content; more objects from 5 on. */
function onePage(content: string, { pageExtra = '', more = [] as string[] } = {}): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${HEIGHT}] /Contents 4 0 R ${pageExtra} >>`,
    stream(content),
    ...more,
  ]);
}

function rulesOf(pdf: Uint8Array, page = 1) {
  return ContentStreamRuleReader.open(pdf)?.rules(page, HEIGHT) ?? null;
}

/** A rule as the reader gives it, from PDF user space (y up from the bottom). */
const rule = (x1: number, x2: number, y: number) => ({ x1, x2, y: HEIGHT - y });

describe('ContentStreamRuleReader: lines', () => {
  it('keeps thin wide rectangles (re) and stroked lines (m l S), not boxes or short strokes', () => {
    const pdf = onePage(`
      72 700 400 1 re f
      72 650 m 472 650 l S
      72 500 400 50 re f
      72 400 m 90 400 l S
      72 300 m 272 300 l 272 280 l S`);
    expect(rulesOf(pdf)).toEqual([rule(72, 472, 700.5), rule(72, 472, 650)]);
  });

  it('takes each subpath on its own: two lines in one path are two rules', () => {
    expect(rulesOf(onePage('72 700 m 472 700 l 72 600 m 472 600 l S 72 500 400 1 re 72 400 400 1 re f'))).toEqual([
      rule(72, 472, 700),
      rule(72, 472, 600),
      rule(72, 472, 500.5),
      rule(72, 472, 400.5),
    ]);
  });

  it('counts a clipping path ended with n, as pdf.js does', () => {
    expect(rulesOf(onePage('q 72 700 400 1 re W n Q'))).toEqual([rule(72, 472, 700.5)]);
  });

  it('follows cm, and q/Q restore the matrix', () => {
    const pdf = onePage(`
      q 1 0 0 1 100 -50 cm 0 600 300 1 re f Q
      0 600 300 1 re f
      q 2 0 0 2 0 0 cm 10 200 100 0.5 re f Q`);
    expect(rulesOf(pdf)).toEqual([rule(100, 400, 550.5), rule(0, 300, 600.5), rule(20, 220, 400.5)]);
  });

  it('paints Form XObjects through their /Matrix, with their own or the page resources', () => {
    const inner = stream('0 0 100 1 re f', '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 0 -100]');
    const outer = stream('0 0 200 1 re f /Inner Do', '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 50 100] /Resources << /XObject << /Inner 6 0 R >> >>');
    const pdf = onePage('q 1 0 0 1 10 10 cm /Outer Do Q /Outer Do', { pageExtra: '/Resources << /XObject << /Outer 5 0 R >> >>', more: [outer, inner] });
    expect(rulesOf(pdf)).toEqual([rule(60, 260, 110.5), rule(60, 160, 10.5), rule(50, 250, 100.5), rule(50, 150, 0.5)]);
  });

  it('reads resources inherited from the page tree', () => {
    const form = stream('0 0 200 1 re f', '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 50 100]');
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /F 5 0 R >> >> >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
      stream('/F Do'),
      form,
    ]);
    expect(rulesOf(pdf)).toEqual([rule(50, 250, 100.5)]);
  });

  it('joins a /Contents array with newlines, even when a part ends inside an operator', () => {
    const pdf = onePage('72 700 400', { pageExtra: '', more: [stream('1 re f')] });
    const split = latin1(pdf.toString('latin1').replace('/Contents 4 0 R', '/Contents [4 0 R 5 0 R]'));
    // The trailer keeps its offsets: the page dictionary grew after them, so this also walks the scan fallback.
    expect(rulesOf(split)).toEqual([rule(72, 472, 700.5)]);
  });
});

describe('ContentStreamRuleReader: tokens that are not operators', () => {
  it('skips literal strings with nested and escaped parentheses', () => {
    const pdf = onePage(String.raw`BT /F1 12 Tf (a \) 0 0 m 500 0 l S \( (nested 72 100 400 1 re f) ) Tj [(x) -20 (y\\)] TJ ET 72 650 400 1 re f`);
    expect(rulesOf(pdf)).toEqual([rule(72, 472, 650.5)]);
  });

  it('skips hex strings and marked-content dictionaries', () => {
    const pdf = onePage('/Span << /ActualText <FEFF0031> /MCID 3 >> BDC BT <3030> Tj ET EMC 72 650 400 1 re f');
    expect(rulesOf(pdf)).toEqual([rule(72, 472, 650.5)]);
  });

  it('skips inline image data holding EI-like bytes, by its length when unfiltered', () => {
    // 10 x 2 grey pixels whose bytes read "\nEI\n0 0 m 500 0 l S": a false end followed by text.
    const pixels = '\nEI\n0 0 m 500 0 l S\n';
    expect(pixels.length).toBe(20);
    const pdf = onePage(`q BI /W 10 /H 2 /BPC 8 /CS /G ID ${pixels} EI Q 72 650 400 1 re f`);
    expect(rulesOf(pdf)).toEqual([rule(72, 472, 650.5)]);
  });

  it('finds the end of filtered inline image data: EI, white space, then text', () => {
    const jpeg = '\xff\xd8 EI \x00\x01\xfe EI\n\x9c\x00 \xff\xd9';
    const pdf = onePage(`q BI /W 4 /H 4 /BPC 8 /CS /RGB /F /DCT ID ${jpeg} EI Q 72 650 400 1 re f`);
    expect(rulesOf(pdf)).toEqual([rule(72, 472, 650.5)]);
  });
});

/**
 * A PDF 1.5 file: catalog, page tree and page in a compressed object stream, found through
 * a cross-reference stream with PNG Up predictors. With `update`, an incremental update
 * (a second xref stream, /Prev to the first) replaces the page content.
 */
function xrefStreamPdf(update: boolean): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n')];
  const size = () => parts.reduce((n, p) => n + p.length, 0);
  const put = (num: number, body: string) => {
    const at = size();
    parts.push(latin1(`${num} 0 obj\n${body}\nendobj\n`));
    return at;
  };
  /** An xref stream of [type, field 2, field 3] rows, W [1 2 1], each row PNG-Up-filtered. */
  const xref = (rows: number[][], dict: string) => {
    const bytes = rows.map(([t, a, b]) => [t, a >> 8, a & 255, b]);
    const filtered = bytes.flatMap((row, r) => [2, ...row.map((v, i) => (v - (r > 0 ? bytes[r - 1][i] : 0)) & 255)]);
    const data = Buffer.from(zlibSync(Uint8Array.from(filtered))).toString('latin1');
    return stream(data, `/Type /XRef /W [1 2 1] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> ${dict}`);
  };
  const inner = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${HEIGHT}] /Contents 4 0 R >>`];
  let header = '';
  let body = '';
  inner.forEach((obj, i) => {
    header += `${i + 1} ${body.length} `;
    body += `${obj}\n`;
  });
  const at4 = put(4, stream(deflate('72 700 400 1 re f'), '/Filter /FlateDecode'));
  const at5 = put(5, stream(deflate(header + body), `/Type /ObjStm /N 3 /First ${header.length} /Filter /FlateDecode`));
  const at6 = size();
  put(6, xref([[0, 0, 255], [2, 5, 0], [2, 5, 1], [2, 5, 2], [1, at4, 0], [1, at5, 0], [1, at6, 0]], '/Size 7 /Root 1 0 R'));
  let start = at6;
  if (update) {
    const new4 = put(4, stream('72 600 400 1 re f'));
    start = size();
    put(7, xref([[1, new4, 0], [1, start, 0]], `/Index [4 1 7 1] /Size 8 /Root 1 0 R /Prev ${at6}`));
  }
  parts.push(latin1(`startxref\n${start}\n%%EOF\n`));
  return Buffer.concat(parts);
}

describe('ContentStreamRuleReader: finding objects', () => {
  it('reads a classic xref table', () => {
    expect(rulesOf(onePage('72 700 400 1 re f'))).toEqual([rule(72, 472, 700.5)]);
  });

  it('reads an xref stream with predictors and objects inside an object stream', () => {
    expect(rulesOf(xrefStreamPdf(false))).toEqual([rule(72, 472, 700.5)]);
  });

  it('follows /Prev: the newest version of an object wins', () => {
    expect(rulesOf(xrefStreamPdf(true))).toEqual([rule(72, 472, 600.5)]);
  });

  it('reads a classic incremental update', () => {
    const base = onePage('72 700 400 1 re f').toString('latin1');
    const prev = Number(/startxref\n(\d+)/.exec(base)![1]);
    const at = base.length;
    let update = `4 0 obj\n${stream('72 500 400 1 re f')}\nendobj\n`;
    const xrefAt = at + update.length;
    update += `xref\n4 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    expect(rulesOf(latin1(base + update))).toEqual([rule(72, 472, 500.5)]);
  });

  it('finds objects by scanning when the xref offsets are wrong', () => {
    const shifted = onePage('72 700 400 1 re f').toString('latin1').replace('%PDF-1.7\n', '%PDF-1.7\n% junk\n');
    expect(rulesOf(latin1(shifted))).toEqual([rule(72, 472, 700.5)]);
  });

  it('gives pages in page-tree order, and null past the last page', () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [5 0 R 3 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
      stream('72 100 400 1 re f'),
      '<< /Type /Pages /Parent 2 0 R /Kids [6 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 5 0 R /Contents 7 0 R >>',
      stream('72 200 400 1 re f'),
    ]);
    const reader = ContentStreamRuleReader.open(pdf, 2)!;
    expect(reader.rules(1, HEIGHT)).toEqual([rule(72, 472, 200.5)]);
    expect(reader.rules(2, HEIGHT)).toEqual([rule(72, 472, 100.5)]);
    expect(reader.rules(3, HEIGHT)).toBeNull();
    expect(ContentStreamRuleReader.open(pdf, 3)).toBeNull(); // pdf.js counts otherwise: page numbers could not be trusted
  });
});

describe('ContentStreamRuleReader: what it will not read gives null, never an exception', () => {
  const good = onePage('72 700 400 1 re f');

  it('a truncated file', () => {
    expect(rulesOf(good.subarray(0, Math.floor(good.length * 0.6)))).toBeNull();
    expect(rulesOf(good.subarray(0, 20))).toBeNull();
    expect(rulesOf(new Uint8Array(0))).toBeNull();
  });

  it('garbage', () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255);
    expect(rulesOf(noise)).toBeNull();
    expect(rulesOf(Buffer.concat([latin1('%PDF-1.4\n'), noise, latin1('\nstartxref\n9\n%%EOF')]))).toBeNull();
  });

  it('an encrypted document', () => {
    const encrypted = onePage('72 700 400 1 re f', { more: ['<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'] });
    expect(rulesOf(latin1(encrypted.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 5 0 R')))).toBeNull();
  });

  it('a content filter other than FlateDecode', () => {
    const hex = Buffer.from('72 700 400 1 re f').toString('hex') + '>';
    expect(rulesOf(buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', stream(hex, '/Filter /ASCIIHexDecode')]))).toBeNull();
  });

  it('reference cycles: a page tree that holds itself, a form that paints itself', () => {
    const tree = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
    expect(ContentStreamRuleReader.open(tree)).toBeNull();
    const form = stream('0 0 200 1 re f /Self Do', '/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /Self 5 0 R >> >>');
    expect(rulesOf(onePage('/Self Do', { pageExtra: '/Resources << /XObject << /Self 5 0 R >> >>', more: [form] }))).toBeNull();
    const length = onePage('72 700 400 1 re f').toString('latin1').replace(/\/Length \d+/, '/Length 4 0 R');
    expect(() => rulesOf(latin1(length))).not.toThrow();
  });
});

describe('readPdfPages', () => {
  const heading = (content: string, filter = '', mediaBox = `0 0 612 ${HEIGHT}`) =>
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
      stream(content, filter),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
  const table = 'BT /F1 12 Tf 72 720 Td (Areas for improvement) Tj ET 72 700 400 1 re f';

  const hex = `${Buffer.from(table).toString('hex')}>`;

  it('reads a table page rules from the content stream, and through pdf.js when it cannot', async () => {
    const fast = await readPdfPages(heading(table), { maxPages: 10 });
    const slow = await readPdfPages(heading(hex, '/Filter /ASCIIHexDecode'), { maxPages: 10 });
    expect(fast[0].rules).toEqual([rule(72, 472, 700.5)]);
    expect(slow[0].rules).toEqual(fast[0].rules);
  });

  it('measures both ways alike on a page whose MediaBox does not start at (0, 0)', async () => {
    const box = `0 100 612 ${HEIGHT + 100}`;
    const fast = await readPdfPages(heading(table, '', box), { maxPages: 10 });
    const slow = await readPdfPages(heading(hex, '/Filter /ASCIIHexDecode', box), { maxPages: 10 });
    expect(fast[0].height).toBe(HEIGHT);
    expect(fast[0].rules).toEqual(slow[0].rules);
  });
});
