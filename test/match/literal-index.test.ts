/**
 * The literal-word index that lets a theme's phrase patterns run only on items holding
 * one of their first words. It may let a pattern through that then fails to match, but
 * must never rule out one that would have matched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiteralIndex, leadingTexts, leadingWords } from '../../src/match/literal-index.js';
import polarityRules from '../../src/rules/polarity.json' with { type: 'json' };
import { BUILT_IN_RULES } from '../../src/nlp/themes.js';
import { cleanText } from '../../src/layout/text.js';
import { sentences } from '../../src/nlp/engine.js';

describe('leadingWords: the words every match starts with', () => {
  it('reads a literal start', () => {
    expect(leadingWords('\\bannual reviews?\\b')).toEqual(['annual']);
    expect(leadingWords('\\b20[- ]week\\b')).toEqual(['20']);
  });

  it('reads the alternatives of a leading group', () => {
    expect(leadingWords('\\b(?:professionals|practitioners)\\b[^.]{0,40}\\bwork')).toEqual(['professionals', 'practitioners']);
  });

  it('keeps the literal before a group, a class or an optional character', () => {
    expect(leadingWords('\\bshar(?:e|es|ed|ing) information')).toEqual(['shar']);
    expect(leadingWords('\\bco-?produc\\w+')).toEqual(['co']);
    expect(leadingWords('\\bparents?\\b')).toEqual(['parent']);
  });

  it('takes an optional leading group together with what follows it', () => {
    expect(leadingWords("\\b(?:send )?(?:young people's|children's) forums?")).toEqual(['send', 'young', 'children']);
  });

  it('does not run past a repeated character', () => {
    // "abbc" matches \bab+c but does not start with "abc".
    expect(leadingWords('\\bab+c')).toEqual(['ab']);
  });

  it('asks a word boundary of every alternative', () => {
    expect(leadingWords('\\borthoti\\w+|\\borthoses\\b')).toEqual(['orthoti', 'orthoses']);
    expect(leadingWords('(?:\\bfoo|\\bbar) plans')).toEqual(['foo', 'bar']);
    // "crowbar" holds a match of the second alternative, which has no \b of its own.
    expect(leadingWords('\\bfoo|bar')).toBeNull();
    expect(leadingWords('\\Bbar')).toBeNull();
  });

  it('skips lookarounds at the start', () => {
    expect(leadingWords('\\b(?!not )(?:well|highly) trained')).toEqual(['well', 'highly']);
  });

  it('gives up (the pattern always runs) where the start is not a literal word', () => {
    expect(leadingWords('annual review')).toBeNull(); // no \b: it could match inside a word
    expect(leadingWords('\\b\\w+ plans')).toBeNull();
    expect(leadingWords('\\b[a-z]+ing')).toBeNull();
    expect(leadingWords('\\b(?:ehc|\\d+) plans')).toBeNull();
    expect(leadingWords('\\b(?:plans)?')).toBeNull();
    expect(leadingWords("\\b'quoted'")).toBeNull();
  });
});

describe('leadingTexts: for a pattern that may start inside a word', () => {
  it('gives the literal text every match starts with', () => {
    expect(leadingTexts('\\(a way of working[^)]*\\)')).toEqual(['(a way of working']);
    expect(leadingTexts('(?:EHC|ehcp) plans')).toEqual(['ehc', 'ehcp']);
  });

  it('gives up where the start is not literal', () => {
    expect(leadingTexts('[a-z]+ plans')).toBeNull();
    expect(leadingTexts('(?:x|) plans')).toBeNull();
  });
});

describe('LiteralIndex', () => {
  it('lets through the patterns whose first word a token of the text starts with', () => {
    const index = new LiteralIndex(['\\bannual reviews?', '\\bco-?produc\\w+', '\\b\\w+ plans', 'way of work']);
    expect([...index.candidates('Annual reviews are late.')]).toEqual([1, 0, 1, 0]);
    expect([...index.candidates('Plans are coproduced with families.')]).toEqual([0, 1, 1, 0]);
    expect([...index.candidates('Nothing here.')]).toEqual([0, 0, 1, 0]);
    expect([...index.candidates('A new WAY OF WORKING.')]).toEqual([0, 0, 1, 1]);
    expect(index.unindexed).toBe(1);
  });

  it('can gather the marks of several sentences into one set', () => {
    const index = new LiteralIndex(['\\bannual reviews?', '\\bco-?produc\\w+', '\\bnothing\\b']);
    const all = new Uint8Array(index.size);
    const first = index.candidates('Annual reviews are late.', all);
    const second = index.candidates('Plans are co-produced.', all);
    expect([...first]).toEqual([1, 0, 0]);
    expect([...second]).toEqual([0, 1, 0]);
    expect([...all]).toEqual([1, 1, 0]);
  });

  it('never rules out a built-in pattern that matches a sentence of the sample documents', () => {
    // Theme phrases and masks, polarity cues and neutralisers: every pattern the index serves.
    const sources = [
      ...BUILT_IN_RULES.themes.flatMap((t) => [...t.rules.flatMap((r) => r.phrases ?? []), ...(t.masks ?? [])]),
      ...[...polarityRules.negative, ...polarityRules.positive].flatMap((c) => c.patterns),
      ...polarityRules.neutralisers,
    ];
    const index = new LiteralIndex(sources);
    // Every built-in pattern has a literal start: none is left to always run.
    expect(index.unindexed).toBe(0);
    const patterns = sources.map((s) => new RegExp(s, 'i'));
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'text');
    let checked = 0;
    let matched = 0;
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const para of text.split(/\n\s*\n/)) {
        for (const s of sentences(cleanText(para))) {
          const marks = index.candidates(s);
          patterns.forEach((re, id) => {
            checked++;
            if (re.test(s)) {
              matched++;
              expect(marks[id], `${sources[id]} on "${s}"`).toBe(1);
            }
          });
        }
      }
    }
    expect(matched).toBeGreaterThan(500);
    expect(checked).toBeGreaterThan(100_000);
  });
});
