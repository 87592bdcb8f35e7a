import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importKeepingNatives, isNative } from '../../src/ingest/native-builtins.js';
import { readPdfPages } from '../../src/ingest/pdf.js';

describe('importKeepingNatives', () => {
  it('puts back a native method a module replaced, and keeps what it added', async () => {
    const push = Array.prototype.push;
    const key = 'sendmineTestAddition';
    await importKeepingNatives(async () => {
      Object.defineProperty(Array.prototype, 'push', { value: function slowPush(this: unknown[], ...xs: unknown[]) { return push.apply(this, xs); }, writable: true, configurable: true });
      Object.defineProperty(Array.prototype, key, { value: () => 1, configurable: true });
    });
    expect(Array.prototype.push).toBe(push);
    expect(key in Array.prototype).toBe(true);
    delete (Array.prototype as unknown as Record<string, unknown>)[key];
  });

  it('leaves Array.prototype.push and JSON.parse native after a PDF is read with pdf.js', async () => {
    const data = new Uint8Array(readFileSync(new URL('../../fixtures/pdf/kent-2024-03-22.pdf', import.meta.url)));
    const pages = await readPdfPages(data, { maxPages: 300 });
    expect(pages.length).toBeGreaterThan(0);
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
