/**
 * The report of fixtures/ in a real browser: Debian's headless Chromium (/usr/bin/chromium)
 * driven by playwright-core, opened from a file:// URL. No console errors (a blocked inline
 * style or script would be one, through the page's CSP), no request but the file itself, the
 * headline figures equal to summarise() for the same records, the filter and sort working,
 * hostile text inert, no sideways scrolling at phone width, A4 printing; and a screenshot,
 * desktop beside phone (saved to docs/report.png with SENDMINE_UPDATE_SCREENSHOT=1).
 *
 * Without /usr/bin/chromium (apt-get install -y chromium) every test here is skipped with a notice.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expandInputs } from '../../src/cli/inputs.js';
import { extractFile } from '../../src/pipeline.js';
import { renderReport } from '../../src/report/html.js';
import type { Report } from '../../src/types.js';
import { expectedFigure, summaryJson } from './figures.js';
import { HOSTILE, HOSTILE_ATTR, HOSTILE_TEXT } from './sample.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('../../docs/report.png', import.meta.url));
const available = existsSync(CHROMIUM);
if (!available) console.warn(`test/report/browser.test.ts: skipped: ${CHROMIUM} not found (install Debian's chromium package to run the browser tests)`);

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

describe.skipIf(!available)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let reports: Report[];
  let dir: string;
  let url: string;

  const open = async (target: string, viewport = { width: 1280, height: 900 }): Promise<Opened> => {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(target, { waitUntil: 'load' });
    return { page, errors, requests, dialogs };
  };

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    const entries = await expandInputs([FIXTURES]);
    reports = [];
    for (const e of entries) reports.push(await extractFile(e.file));
    // A path longer than any phone is wide, as a deep checkout gives: it must wrap, not scroll.
    reports[0] = { ...reports[0], file: `/${'a_deeply_nested_folder_of_inspection_reports/'.repeat(4)}${reports[0].file.split('/').pop()}` };
    dir = mkdtempSync(join(tmpdir(), 'sendmine-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(reports, { title: 'Area SEND inspections: the sample documents', generatedAt: 'from fixtures/' }));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens from a file:// URL with no console error and no request but the file itself', async () => {
    const { page, errors, requests } = await open(url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The script ran (the CSP let it): the filter box is shown.
    expect(await page.locator('#filter').isVisible()).toBe(true);
    await page.close();
  }, 30_000);

  it("shows the summary's figures for the same documents", async () => {
    const { page } = await open(url);
    const shown = await page.$$eval('[data-figure]', (els) => els.map((e) => ({ path: (e as HTMLElement).dataset.figure!, text: e.textContent ?? '' })));
    const json = summaryJson(reports);
    expect(shown.length).toBeGreaterThan(40);
    for (const f of shown) expect(f).toEqual({ path: f.path, text: expectedFigure(json, f.path) });
    for (const p of ['national.frameworks.2016.initial.wsoaRequired.share', 'national.frameworks.2023.full.outcomes.systemic-failings.count']) {
      expect(await page.locator(`[data-figure="${p}"]`).first().isVisible()).toBe(true);
    }
    const headline = await page.locator('#headlines').innerText();
    expect(headline).toContain('2 of 3 areas (67%) had to produce a Written Statement of Action (WSoA).');
    await page.close();
  }, 30_000);

  it('hides the rows that do not match what is typed in #filter, and sorts by a column', async () => {
    const { page } = await open(url);
    const rows = page.locator('#inspections-table tbody tr');
    const total = await rows.count();
    expect(total).toBe(11);
    const visible = () => page.$$eval('#inspections-table tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden && (tr as HTMLElement).offsetParent !== null).map((tr) => tr.textContent ?? ''));

    await page.locator('#filter').pressSequentially('kent');
    expect((await visible()).map((t) => t.includes('Kent'))).toEqual([true]);
    await page.locator('#filter').fill('');
    await page.locator('#filter').pressSequentially('north west 2023');
    const nw = await visible();
    expect(nw.length).toBe(2);
    for (const t of nw) expect(t).toMatch(/North West[\s\S]*2023/);
    expect(await page.locator('#filter-count').innerText()).toBe('2 of 11 inspections shown');
    await page.locator('#filter').fill('');
    expect((await visible()).length).toBe(total);

    await page.locator('#inspections-table thead th', { hasText: 'Dates' }).locator('button').click();
    const dates = await page.$$eval('#inspections-table tbody tr td[data-label="Dates"]', (tds) => tds.map((td) => td.getAttribute('data-sort') ?? ''));
    expect(dates).toEqual([...dates].sort());
    expect(await page.locator('#inspections-table thead th', { hasText: 'Dates' }).getAttribute('aria-sort')).toBe('ascending');
    await page.close();
  }, 30_000);

  it("leads from a row to its area's section", async () => {
    const { page } = await open(url);
    await page.locator('#inspections-table tbody tr', { hasText: 'Kent' }).locator('td[data-label="Area"] a').click();
    expect(await page.evaluate(() => location.hash)).toBe('#area-kent');
    await expect.poll(() => page.locator('#area-kent h3').isVisible()).toBe(true);
    expect(await page.locator('#area-kent').innerText()).toContain('Areas for priority action (5)');
    await page.close();
  }, 30_000);

  it('keeps markup in document text as text', async () => {
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderReport(HOSTILE));
    const { page, errors, dialogs, requests } = await open(pathToFileURL(file).href);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(await page.locator('img, iframe, b, i').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const quotes = await page.$$eval('blockquote.evidence', (els) => els.map((e) => e.textContent));
    expect(quotes).toContain(HOSTILE_TEXT);
    expect(quotes).toContain(HOSTILE_ATTR);
    await page.close();
  }, 30_000);

  it('fits a phone screen without sideways scrolling, and prints to A4', async () => {
    const { page } = await open(url, { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 30_000);

  // Written to docs/report.png (the README's picture) only when asked, so a test run on
  // another machine's fonts leaves the working tree clean: SENDMINE_UPDATE_SCREENSHOT=1 npm test.
  it('takes a screenshot, desktop beside phone (docs/report.png with SENDMINE_UPDATE_SCREENSHOT=1)', async () => {
    const target = process.env.SENDMINE_UPDATE_SCREENSHOT === '1' ? SCREENSHOT : join(dir, 'report.png');
    const height = 1500;
    const shots: string[] = [];
    for (const width of [1280, 390]) {
      const { page } = await open(url, { width, height });
      shots.push((await page.screenshot({ clip: { x: 0, y: 0, width, height } })).toString('base64'));
      await page.close();
    }
    const sheet = await browser.newPage({ viewport: { width: 1280 + 390 + 3 * 20, height: height + 2 * 20 } });
    await sheet.setContent(
      `<body style="margin:0;padding:20px;background:#6b6b6b;display:flex;gap:20px;align-items:flex-start">` +
        shots.map((b64) => `<img alt="" src="data:image/png;base64,${b64}" style="display:block;box-shadow:0 2px 8px #0006">`).join('') +
        `</body>`,
      { waitUntil: 'load' },
    );
    mkdirSync(dirname(target), { recursive: true });
    const png = await sheet.screenshot({ path: target, fullPage: true });
    await sheet.close();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(target)).toBe(true);
  }, 30_000);
});
