import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { OfficialDataError, parseOfficial, parseOfficialDate, readOfficial, type OfficialRecord } from '../../src/ingest/official.js';
import { readOdsSheets } from '../../src/ingest/official-ods.js';
import { contentXml, d, empty, f, HEADER_2016, odsBytes, row, s, TempDir } from './support.js';

const tmp = new TempDir();
afterAll(() => tmp.remove());

const SHEET = 'Area_SEND_up_to_31_Aug_2022';

/** The published layout: title rows, the header, then rows like the real ones. */
function published2016(extraRows: string[] = []): string[] {
  return [
    row([s('Area SEND inspection and revisit outcomes [note 1]'), empty(16383)]),
    row([s('This worksheet contains one table.'), empty(16383)]),
    row([empty(16384)], 2),
    row([...HEADER_2016.map((h) => s(h)), empty(16371)]),
    // No WSoA: the six revisit columns are one repeated empty cell.
    row([s('Ofsted LA Webpage'), s('E09000002'), s('Barking and Dagenham'), s('London'), d('2017-03-27'), d('2017-06-29'), s('No'), empty(6), empty(16371)]),
    // WSoA, not revisited yet.
    row([s('Ofsted LA Webpage'), s('E08000016'), s('Barnsley'), s('North East, Yorkshire and the Humber'), d('2021-09-20'), d('2021-11-24'), s('Yes'), f(2), s('Not revisited yet'), empty(4), empty(16371)]),
    // WSoA and a revisit that found progress on some weaknesses.
    row([
      s('Ofsted LA Webpage'), s('E06000041'), s('Wokingham'), s('South East'), d('2019-03-11'), d('2019-05-13'), s('Yes'), f(6),
      d('2021-05-11'), d('2021-07-01'), s('Some'), f(5), f(1), empty(16371),
    ]),
    ...extraRows,
    row([empty(16384)], 1048420),
  ];
}

describe('readOfficial: the 2016-framework ODS', () => {
  it('finds the header under title rows and reads initial and revisit records', async () => {
    const file = tmp.write('official.ods', odsBytes([{ name: 'Cover', rows: [row([s('Cover page')])] }, { name: SHEET, rows: published2016() }]));
    const records = await readOfficial(file);
    expect(records.map((r) => [r.kind, r.area, r.row])).toEqual([
      ['area-send-initial-2016', 'Barking and Dagenham', 6],
      ['area-send-initial-2016', 'Barnsley', 7],
      ['area-send-initial-2016', 'Wokingham', 8],
      ['area-send-revisit-2016', 'Wokingham', 8],
    ]);
    expect(records[0]).toEqual({
      source: file,
      row: 6,
      framework: '2016',
      kind: 'area-send-initial-2016',
      area: 'Barking and Dagenham',
      laCode: 'E09000002',
      region: 'London',
      inspectionStart: '2017-03-27',
      publication: '2017-06-29',
      wsoaRequired: false,
    } satisfies OfficialRecord);
    expect(records[1]).toMatchObject({ wsoaRequired: true, significantWeaknesses: 2 });
    expect(records[1]).not.toHaveProperty('revisitOutcome');
    expect(records[3]).toMatchObject({
      inspectionStart: '2021-05-11',
      publication: '2021-07-01',
      initialInspectionStart: '2019-03-11',
      revisitOutcome: 'some',
      revisit: { addressed: 5, total: 6 },
    });
  });

  it('honours repeated cells and rows, and finds reordered columns by name', () => {
    const header = ['Inspection start date', 'Inspection publication date', 'Area name [note 2]', 'Revisit start date', 'Revisit outcome: sufficient progress in addressing all significant weaknesses?',
      'Number significant weaknesses where sufficient progress has been made', 'Number significant weaknesses where sufficient progress has not been made',
      'Number significant weaknesses identified in written statement of action', 'Inspection outcome: written statement of action required?'];
    const rows = [
      row([empty(3)], 5),
      row([empty(2), ...header.map((h) => s(h))]),
      // Start and publication the same day: one date cell repeated over two columns; an empty gap repeated before it.
      row([empty(2), d('2018-01-15', 2), s('Telford <text:span>&amp;</text:span><text:s/>Wrekin', 1, true), d('2020-02-10'), s('Some'), f(3, 2), f(6), s('Yes')]),
      // A row repeated twice is two rows.
      row([empty(2), d('2019-06-03'), empty(), s('Rutland'), s('Not revisited yet'), empty(3), f(0), s('No')], 2),
    ];
    const records = parseOfficial('reordered.ods', odsBytes([{ name: SHEET, rows }]));
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({ area: 'Telford & Wrekin', row: 7, inspectionStart: '2018-01-15', publication: '2018-01-15', wsoaRequired: true, significantWeaknesses: 6 });
    expect(records[1]).toMatchObject({ kind: 'area-send-revisit-2016', inspectionStart: '2020-02-10', revisitOutcome: 'some', revisit: { addressed: 3, total: 6 } });
    expect(records.slice(2).map((r) => [r.area, r.row, r.wsoaRequired])).toEqual([
      ['Rutland', 8, false],
      ['Rutland', 9, false],
    ]);
  });

  it('reads dates typed as text, and rejects an impossible one naming the row and column', () => {
    const ok = parseOfficial('text-dates.ods', odsBytes([{ name: SHEET, rows: published2016([
      row([s('link'), s('E06000017'), s('Rutland'), s('East Midlands'), s('04/06/2018'), s('3 August 2018'), s('No')]),
    ]) }]));
    expect(ok.at(-1)).toMatchObject({ area: 'Rutland', inspectionStart: '2018-06-04', publication: '2018-08-03' });
    const bad = odsBytes([{ name: SHEET, rows: published2016([row([s('link'), s('E06000017'), s('Rutland'), s('East Midlands'), s('31/02/2018'), empty(), s('No')])]) }]);
    expect(() => parseOfficial('bad-date.ods', bad)).toThrow(/bad-date\.ods: sheet "Area_SEND_up_to_31_Aug_2022", row 9, column E "Inspection start date": expected a date, found "31\/02\/2018"/);
    const badCount = odsBytes([{ name: SHEET, rows: published2016([row([s('link'), s('E06000017'), s('Rutland'), s('East Midlands'), d('2018-06-04'), empty(), s('Yes'), s('several')])]) }]);
    expect(() => parseOfficial('bad-count.ods', badCount)).toThrow(/column H "Number significant weaknesses identified in written statement of action": expected a whole number/);
  });

  it('skips notes under the table', () => {
    const records = parseOfficial('notes.ods', odsBytes([{ name: SHEET, rows: published2016([row([s('Source: Ofsted')]), row([empty(2), s('Figures exclude Dorset')])]) }]));
    expect(records).toHaveLength(4);
  });

  it('names the file and each missing column', () => {
    const header = HEADER_2016.filter((h) => !/^Revisit start|^Inspection start/.test(h));
    const file = tmp.write('missing.ods', odsBytes([{ name: SHEET, rows: [row([s('title')]), row(header.map((h) => s(h)))] }]));
    return readOfficial(file).then(
      () => expect.fail('should throw'),
      (err: unknown) => {
        expect(err).toBeInstanceOf(OfficialDataError);
        const e = err as OfficialDataError;
        expect(e.problem).toBe('missing-columns');
        expect(e.file).toBe(file);
        expect(e.missing).toEqual(['Inspection start date', 'Revisit start date']);
        expect(e.message).toBe(
          `${file}: sheet "${SHEET}", header row 2 looks like the 2016-framework official statistics but lacks the columns "Inspection start date", "Revisit start date"`,
        );
      },
    );
  });

  it('says which sheet is missing and which there are; another sheet can be named', async () => {
    const file = tmp.write('sheets.ods', odsBytes([{ name: 'Cover', rows: [] }, { name: 'Area_SEND_2023', rows: published2016() }]));
    await expect(readOfficial(file)).rejects.toThrow(`${file}: no sheet named "${SHEET}" (sheets: "Cover", "Area_SEND_2023")`);
    await expect(readOfficial(file)).rejects.toMatchObject({ problem: 'no-such-sheet', missing: [SHEET] });
    expect(await readOfficial(file, { sheet: 'Area_SEND_2023' })).toHaveLength(4);
  });

  it('refuses what is not an ODS or CSV, and files that are not there', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(() => parseOfficial('book.xlsx', xlsx)).toThrow(/book\.xlsx: an Excel workbook \(\.xlsx\)/);
    const odt = odsBytes([], 'application/vnd.oasis.opendocument.text');
    expect(() => parseOfficial('letter.odt', odt)).toThrow(/not an OpenDocument spreadsheet/);
    expect(() => parseOfficial('broken.ods', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/broken\.ods: not a readable zip archive/);
    expect(() => parseOfficial('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toThrow(/legacy Excel/);
    await expect(readOfficial(`${tmp.path}/absent.csv`)).rejects.toMatchObject({ problem: 'unreadable', message: `${tmp.path}/absent.csv: no such file` });
  });

  it('reads only the sheet asked for, and text with spaces and line breaks', () => {
    const xml = contentXml([
      { name: 'A', rows: [row([s('x')])] },
      { name: 'B', rows: [row([s('two<text:s text:c="2"/>spaces', 1, true), s('a<text:line-break/>b', 1, true)], 2)] },
    ]);
    const sheets = readOdsSheets(xml, (n) => n === 'B');
    expect(sheets.map((t) => [t.name, t.rows.length])).toEqual([['A', 0], ['B', 2]]);
    expect(sheets[1].rows[1]).toMatchObject({ number: 2, cells: [{ type: 'string', text: 'two  spaces' }, { text: 'a\nb' }] });
  });
});

const MI_HEADER =
  '"","Link.to.report.webpage.for.the.local.authority.and.local.area.partnership","Local.area.partnership","Ofsted.region","Inspection.start.date","Inspection.publication.date","Inspection.outcome","Priority.action.plan.required.","Number.of.areas.for.priority.action"';

describe('readOfficial: the 2023-framework management information CSV', () => {
  it('reads the published layout: dates, outcomes, NA', async () => {
    const file = tmp.write(
      'mi.csv',
      [
        MI_HEADER,
        '"1","Report webpage","Brighton and Hove","South East","27/03/2023","31/05/2023","Typically positive experiences and outcomes","No",NA',
        '"2","Report webpage","Cornwall","South West","06/02/2023","05/05/2023","Inconsistent experiences and outcomes","No",NA',
        '"3","Report webpage","Hertfordshire","East of England","10/07/2023","10/11/2023","Widespread and/or systemic failings","Yes",2',
      ].join('\n') + '\n',
    );
    const records = await readOfficial(file);
    expect(records[0]).toEqual({
      source: file,
      row: 2,
      framework: '2023',
      kind: 'area-send-full-2023',
      area: 'Brighton and Hove',
      region: 'South East',
      inspectionStart: '2023-03-27',
      publication: '2023-05-31',
      outcome: 'positive',
      priorityActionPlan: false,
    } satisfies OfficialRecord);
    expect(records.map((r) => [r.outcome, r.priorityActionPlan, r.priorityActions])).toEqual([
      ['positive', false, undefined],
      ['inconsistent', false, undefined],
      ['systemic-failings', true, 2],
    ]);
  });

  it('finds the header under a title line, in any column order, with a BOM and CRLF', () => {
    const csv =
      '\uFEFFArea SEND outcomes, management information\r\n\r\n' +
      'Number of areas for priority action,Priority action plan required?,Inspection outcome,Inspection start date,Local area partnership,Notes\r\n' +
      '3,Yes,Widespread and/or systemic failings,2023-06-26,"Plymouth","inspected in June, published in August"\r\n';
    const records = parseOfficial('title.csv', strToU8(csv));
    expect(records).toEqual([
      { source: 'title.csv', row: 4, framework: '2023', kind: 'area-send-full-2023', area: 'Plymouth', inspectionStart: '2023-06-26', outcome: 'systemic-failings', priorityActionPlan: true, priorityActions: 3 },
    ]);
  });

  it('names missing columns and bad values', () => {
    const noPlan = 'Local area partnership,Inspection start date,Inspection outcome\nRutland,15/05/2023,Typically positive experiences and outcomes\n';
    expect(() => parseOfficial('no-plan.csv', strToU8(noPlan))).toThrow(
      'no-plan.csv: header row 1 looks like the 2023-framework management information but lacks the column "Priority action plan required?"',
    );
    expect(() => parseOfficial('nothing.csv', strToU8('a,b,c\n1,2,3\n'))).toThrow(/nothing\.csv: no header row found in the first 50 rows/);
    const maybe = `${MI_HEADER}\n"1","x","Rutland","East Midlands","15/05/2023","03/08/2023","Typically positive experiences and outcomes","Maybe",NA\n`;
    expect(() => parseOfficial('maybe.csv', strToU8(maybe))).toThrow(
      'maybe.csv: row 2, column H "Priority action plan required?": expected Yes or No, found "Maybe"',
    );
    const outcome = `${MI_HEADER}\n"1","x","Rutland","East Midlands","15/05/2023","03/08/2023","Good","No",NA\n`;
    expect(() => parseOfficial('outcome.csv', strToU8(outcome))).toThrow(/outcome\.csv: row 2, column G "Inspection outcome": expected/);
    expect(() => parseOfficial('quotes.csv', strToU8(`${MI_HEADER}\n"1,"x\n`))).toThrow(/quotes\.csv: not readable as CSV/);
  });

  it('rejects a header with two columns for one field', () => {
    const csv = 'Local area partnership,Inspection start date,Inspection outcome,Priority action plan required,Priority action plan\nRutland,15/05/2023,positive,No,No\n';
    expect(() => parseOfficial('twice.csv', strToU8(csv))).toThrow('twice.csv: row 1: 2 columns could be "Priority action plan required?" (D, E)');
  });
});

describe('parseOfficialDate', () => {
  it('reads ISO, day-first and written dates, and refuses impossible ones', () => {
    expect(parseOfficialDate('2023-03-27')).toBe('2023-03-27');
    expect(parseOfficialDate('2023-03-27T00:00:00')).toBe('2023-03-27');
    expect(parseOfficialDate('7/3/2023')).toBe('2023-03-07');
    expect(parseOfficialDate('27 March 2023')).toBe('2023-03-27');
    expect(parseOfficialDate('1st Sept 2022')).toBe('2022-09-01');
    expect(parseOfficialDate('29/02/2023')).toBeNull();
    expect(parseOfficialDate('03/27/2023')).toBeNull();
    expect(parseOfficialDate('Not revisited yet')).toBeNull();
  });
});
