/**
 * Theme tagging: the built-in rules (src/rules/themes.json), optionally extended or
 * overridden by a user's rule file (`--rules FILE`).
 */
import { readFile } from 'node:fs/promises';
import builtIn from '../rules/themes.json' with { type: 'json' };
import { compileRules, RuleError, ThemeTagger, type RuleFile, type ThemeSpec } from './engine.js';

export { ThemeTagger, RuleError } from './engine.js';
export type { Hit, RuleFile } from './engine.js';

export const BUILT_IN_RULES = builtIn as RuleFile;

/**
 * A user's file extends the built-in rules: a rule with an existing id replaces it, a new
 * rule is added to its theme, a new theme is added, a theme's `leadFramesItem` replaces
 * the built-in one; `"replace": true` on a theme drops the built-in rules of that theme first.
 */
export function mergeRules(base: RuleFile, extra: RuleFile): RuleFile {
  const themes: ThemeSpec[] = base.themes.map((t) => ({ ...t, rules: [...t.rules], masks: [...(t.masks ?? [])] }));
  for (const t of extra.themes ?? []) {
    const existing = themes.find((x) => x.id === t.id);
    if (!existing) {
      themes.push(t);
      continue;
    }
    if ((t as ThemeSpec & { replace?: boolean }).replace) {
      existing.rules = [];
      existing.masks = [];
    }
    existing.masks = [...(existing.masks ?? []), ...(t.masks ?? [])];
    if (t.leadFramesItem !== undefined) existing.leadFramesItem = t.leadFramesItem;
    for (const r of t.rules ?? []) {
      const i = existing.rules.findIndex((x) => x.id === r.id);
      if (i >= 0) existing.rules[i] = r;
      else existing.rules.push(r);
    }
  }
  return { schema: base.schema, themes };
}

let defaultTagger: ThemeTagger | null = null;

export function builtInTagger(): ThemeTagger {
  defaultTagger ??= new ThemeTagger(compileRules(BUILT_IN_RULES));
  return defaultTagger;
}

export async function loadTagger(rulesFile?: string): Promise<ThemeTagger> {
  if (!rulesFile) return builtInTagger();
  let extra: RuleFile;
  try {
    extra = JSON.parse(await readFile(rulesFile, 'utf8')) as RuleFile;
  } catch (err) {
    throw new RuleError(`${rulesFile}: ${(err as Error).message}`);
  }
  if (!extra || !Array.isArray(extra.themes)) throw new RuleError(`${rulesFile}: a rule file needs a "themes" array (see src/rules/themes.json)`);
  try {
    return new ThemeTagger(compileRules(mergeRules(BUILT_IN_RULES, { ...extra, schema: BUILT_IN_RULES.schema })));
  } catch (err) {
    throw new RuleError(`${rulesFile}: ${(err as Error).message}`);
  }
}
