/**
 * The local authority table (src/rules/local-authorities.json) and lookupArea.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORITIES, REGIONS, lookupArea, normaliseAreaName, resolveAuthority, type Authority } from '../../src/analyse/authorities.js';
import { CORPUS, corpusAvailable } from '../support/corpus.js';

const alive = (a: Authority, date: string) => (!a.from || a.from <= date) && (!a.until || date <= a.until);

describe('the local authority table', () => {
  it('has the eight Ofsted regions of the official statistics, spelt as there', () => {
    expect([...REGIONS].sort()).toEqual([
      'East Midlands', 'East of England', 'London', 'North East, Yorkshire and the Humber', 'North West', 'South East', 'South West', 'West Midlands',
    ]);
    for (const a of AUTHORITIES) expect(REGIONS, a.name).toContain(a.region);
  });

  it('has every English authority with SEND responsibility: 152 before 2019, 153 since 2023', () => {
    expect(AUTHORITIES.length).toBe(158);
    expect(AUTHORITIES.filter((a) => alive(a, '2018-01-01')).length).toBe(152);
    expect(AUTHORITIES.filter((a) => alive(a, '2024-01-01')).length).toBe(153);
    // London: 32 boroughs and the City.
    expect(AUTHORITIES.filter((a) => a.region === 'London').length).toBe(33);
  });

  it('gives each authority a unique ONS code of an upper-tier kind', () => {
    const codes = AUTHORITIES.flatMap((a) => [a.code, ...(a.formerCodes ?? []).map((f) => f.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^E(06|08|09|10)\d{6}$/);
  });

  it('links predecessors and successors both ways, by code', () => {
    const byCode = new Map(AUTHORITIES.map((a) => [a.code, a]));
    for (const a of AUTHORITIES) {
      for (const p of a.predecessors ?? []) expect(byCode.get(p)?.successors, `${a.name} <- ${p}`).toContain(a.code);
      for (const s of a.successors ?? []) expect(byCode.get(s)?.predecessors, `${a.name} -> ${s}`).toContain(a.code);
      if (a.successors) expect(a.until, a.name).toBeTruthy();
      if (a.predecessors) expect(a.from, a.name).toBeTruthy();
    }
  });

  it('never lets one spelling name two authorities in existence at the same time', () => {
    const seen = new Map<string, Authority[]>();
    for (const a of AUTHORITIES) {
      for (const s of [a.name, ...a.aliases]) {
        const key = normaliseAreaName(s);
        const others = seen.get(key) ?? [];
        for (const o of others) {
          if (o === a) continue;
          const overlap = (!a.until || !o.from || o.from <= a.until) && (!o.until || !a.from || a.from <= o.until);
          expect(overlap, `${s}: ${a.code} and ${o.code}`).toBe(false);
        }
        seen.set(key, [...others, a]);
      }
    }
  });
});

describe('lookupArea', () => {
  it('finds names as the official statistics write them', () => {
    expect(lookupArea('Barking and Dagenham')).toEqual({ name: 'Barking and Dagenham', code: 'E09000002', region: 'London' });
    expect(lookupArea('Leicestershire')).toEqual({ name: 'Leicestershire', code: 'E10000018', region: 'East Midlands' });
    expect(lookupArea('Gateshead')?.region).toBe('North East, Yorkshire and the Humber');
  });

  it.each([
    ['Telford & Wrekin', 'Telford and Wrekin'],
    ['TELFORD AND WREKIN', 'Telford and Wrekin'],
    ['Southend', 'Southend-on-Sea'],
    ['Southend on Sea', 'Southend-on-Sea'],
    ['Hull', 'Kingston upon Hull'],
    ['Kingston upon Hull City', 'Kingston upon Hull'],
    ['Kingston-upon-Hull City Council', 'Kingston upon Hull'],
    ['City of Bristol', 'Bristol'],
    ['Bristol City Council', 'Bristol'],
    ['County of Herefordshire', 'Herefordshire'],
    ['Herefordshire Council', 'Herefordshire'],
    ['Bedford Borough', 'Bedford'],
    ['Bedford Borough Council', 'Bedford'],
    ['St. Helens', 'St Helens'],
    ['Saint Helens', 'St Helens'],
    ['Richmond', 'Richmond upon Thames'],
    ['London Borough of Richmond upon Thames', 'Richmond upon Thames'],
    ['Royal Borough of Kingston upon Thames', 'Kingston upon Thames'],
    ['Brighton & Hove', 'Brighton and Hove'],
    ['BCP', 'Bournemouth, Christchurch and Poole'],
    ['Bournemouth Christchurch & Poole', 'Bournemouth, Christchurch and Poole'],
    ['Royal Borough of Windsor and Maidenhead', 'Windsor and Maidenhead'],
    ['Windsor & Maidenhead', 'Windsor and Maidenhead'],
    ['Council of the Isles of Scilly', 'Isles of Scilly'],
    ['City of London', 'City of London'],
    ['London Borough of Hackney', 'Hackney'],
    ['Hackney', 'Hackney'],
    ['London Borough of Barking & Dagenham', 'Barking and Dagenham'],
    ['Royal Borough of Greenwich', 'Greenwich'],
    ['Westminster City Council', 'Westminster'],
    ['County Durham', 'Durham'],
    ['Durham County Council', 'Durham'],
    ['the Wirral', 'Wirral'],
    ['Leicestershire Local Area Partnership', 'Leicestershire'],
    ['Leicestershire County Council', 'Leicestershire'],
    ['Leicester City', 'Leicester'],
    ['Nottingham City Council', 'Nottingham'],
    ['City of York', 'York'],
    ['Stoke-on-Trent City Council', 'Stoke-on-Trent'],
    ['Stockton on Tees', 'Stockton-on-Tees'],
    ['Bath & North East Somerset', 'Bath and North East Somerset'],
    ['Newcastle', 'Newcastle upon Tyne'],
    ['Bristol, City of', 'Bristol'],
    // A text tool that joined a name broken at a line-end hyphen.
    ['Stoke-onTrent', 'Stoke-on-Trent'],
    ['Southend-onSea', 'Southend-on-Sea'],
  ])('%s -> %s', (input, name) => {
    expect(lookupArea(input)?.name ?? null).toBe(name);
  });

  it('does not guess', () => {
    expect(lookupArea('London')).toBeNull();
    expect(lookupArea('Northmoor')).toBeNull();
    expect(lookupArea('')).toBeNull();
    expect(lookupArea('   ')).toBeNull();
    expect(lookupArea('Council')).toBeNull();
  });

  it('resolves Dorset by date: the county until March 2019, the new unitary council after', () => {
    expect(lookupArea('Dorset', '2017-01-09')).toEqual({ name: 'Dorset', code: 'E10000009', region: 'South West' });
    expect(lookupArea('Dorset', '2019-03-31')?.code).toBe('E10000009');
    expect(lookupArea('Dorset', '2019-04-01')?.code).toBe('E06000059');
    expect(lookupArea('Dorset Council', '2024-06-01')?.code).toBe('E06000059');
    // Without a date, the authority that exists now.
    expect(lookupArea('Dorset')?.code).toBe('E06000059');
    expect(resolveAuthority('Dorset', '2017-01-09')?.successors).toEqual(['E06000058', 'E06000059']);
  });

  it('knows the 2019 Bournemouth, Christchurch and Poole reorganisation', () => {
    expect(lookupArea('Bournemouth, Christchurch and Poole', '2024-01-15')).toEqual({ name: 'Bournemouth, Christchurch and Poole', code: 'E06000058', region: 'South West' });
    expect(lookupArea('Bournemouth')?.code).toBe('E06000028');
    expect(lookupArea('Poole')?.code).toBe('E06000029');
    expect(resolveAuthority('BCP')?.predecessors).toEqual(['E06000028', 'E06000029', 'E10000009']);
  });

  it('gives Buckinghamshire, North Yorkshire and Somerset the code in force on the date', () => {
    expect(lookupArea('Buckinghamshire', '2019-11-01')?.code).toBe('E10000002');
    expect(lookupArea('Buckinghamshire', '2020-04-01')?.code).toBe('E06000060');
    expect(lookupArea('Buckinghamshire')?.code).toBe('E06000060');
    expect(lookupArea('North Yorkshire', '2018-10-01')).toEqual({ name: 'North Yorkshire', code: 'E10000023', region: 'North East, Yorkshire and the Humber' });
    expect(lookupArea('North Yorkshire', '2024-04-29')?.code).toBe('E06000065');
    expect(lookupArea('Somerset County Council', '2019-01-01')?.code).toBe('E10000027');
    expect(lookupArea('Somerset Council', '2023-04-01')?.code).toBe('E06000066');
  });

  it('knows Northamptonshire and its 2021 successors, and Cumbria and its 2023 successors', () => {
    expect(lookupArea('Northamptonshire', '2017-05-08')).toEqual({ name: 'Northamptonshire', code: 'E10000021', region: 'East Midlands' });
    expect(lookupArea('North Northamptonshire', '2024-01-22')).toEqual({ name: 'North Northamptonshire', code: 'E06000061', region: 'East Midlands' });
    expect(lookupArea('West Northamptonshire')?.code).toBe('E06000062');
    expect(lookupArea('Cumbria', '2019-07-01')).toEqual({ name: 'Cumbria', code: 'E10000006', region: 'North West' });
    expect(lookupArea('Cumberland')).toEqual({ name: 'Cumberland', code: 'E06000063', region: 'North West' });
    expect(lookupArea('Westmorland & Furness')).toEqual({ name: 'Westmorland and Furness', code: 'E06000064', region: 'North West' });
    expect(resolveAuthority('Cumbria')?.successors).toEqual(['E06000063', 'E06000064']);
  });

  it('ignores a date it cannot read', () => {
    expect(lookupArea('Dorset', 'spring 2017')?.code).toBe('E06000059');
  });
});

const run = corpusAvailable();

describe.runIf(run)('area names of the reference corpus', () => {
  const golds = ['area-send-2023/gold', 'letters-2016/gold'].flatMap((dir) =>
    readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.json')).map((f) => ({ file: `${dir}/${f}`, ...JSON.parse(readFileSync(join(CORPUS, dir, f), 'utf8')) })),
  );

  it('reads the 36 gold files', () => {
    expect(golds.length).toBe(36);
  });

  it('resolves every gold area', () => {
    for (const g of golds) {
      const found = lookupArea(g.area, g.inspectionStart ?? g.letterDate ?? undefined);
      expect(found, `${g.file}: ${g.area}`).not.toBeNull();
    }
  });

  // Ofsted's management information on the first 2023-framework inspections names each area's region.
  const mi = join(CORPUS, '..', 'reference', 'area-send-2023-outcomes-mi-winter-2022-23.csv');
  it.runIf(existsSync(mi))('puts each area of the 2023 management information in its published region', () => {
    const rows = readFileSync(mi, 'utf8').trim().split('\n').slice(1).map((line) => [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const [, , area, region] = row;
      expect(lookupArea(area)?.region, area).toBe(region);
    }
  });
});
