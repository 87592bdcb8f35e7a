/** Broken and hostile inputs, made fresh in a temporary folder for each test run. */
import { mkdtemp, writeFile, readFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

function pdfBytes(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((res, rej) => {
    const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) }, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => res(Buffer.concat(chunks)));
    doc.on('error', rej);
    build(doc);
    doc.end();
  });
}

export const GOOD_LETTER = `# Joint local area SEND inspection in Anyshire

Between 2 and 6 March 2020, Ofsted and the Care Quality Commission (CQC) conducted a joint inspection of the local area of Anyshire.

## Main findings

- Leaders know the area well.

## The effectiveness of the local area in identifying children and young people's special educational needs and/or disabilities

### Strengths

- Needs are spotted early.

### Areas for development

- Plans are late.

Yours sincerely
`;

export interface BadInputs {
  dir: string;
  good: string;
  bad: Record<string, string>;
}

export async function makeBadInputs(): Promise<BadInputs> {
  const dir = await mkdtemp(join(tmpdir(), 'sendmine-bad-'));
  const good = join(dir, 'good-letter.md');
  await writeFile(good, GOOD_LETTER);
  const textPdf = await pdfBytes((d) => d.fontSize(12).text('Area SEND inspection of Anyshire Local Area Partnership. Inspection dates: 3 to 7 March 2025.'));
  const bad: Record<string, string> = {
    empty: join(dir, 'empty.pdf'),
    truncated: join(dir, 'truncated.pdf'),
    binary: join(dir, 'binary.pdf'),
    encrypted: join(dir, 'encrypted.pdf'),
    scanned: join(dir, 'scanned.pdf'),
    windows1252: join(dir, 'latin.txt'),
    utf16: join(dir, 'utf16.txt'),
    missing: join(dir, 'no-such-file.pdf'),
  };
  await writeFile(bad.empty, '');
  await writeFile(bad.truncated, textPdf.subarray(0, Math.floor(textPdf.length / 3)));
  await writeFile(bad.binary, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)));
  await writeFile(bad.encrypted, await pdfBytes((d) => d.text('secret'), { userPassword: 'open sesame', ownerPassword: 'owner' }));
  await writeFile(bad.scanned, await pdfBytes((d) => d.rect(50, 50, 400, 600).fill('#888888')));
  await writeFile(bad.windows1252, Buffer.from('Caf\xe9 \x93quoted\x94 letter\n', 'latin1'));
  await writeFile(bad.utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_LETTER, 'utf16le')]));
  await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
  return { dir, good, bad };
}

export async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}
