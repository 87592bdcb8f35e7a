/** The theme taxonomy send-themes/1: ids in their documented order (the CSV column order). */
import rules from '../rules/themes.json' with { type: 'json' };

export const THEME_IDS: readonly string[] = rules.themes.map((t) => t.id);
export const THEME_LABELS: Readonly<Record<string, string>> = Object.fromEntries(rules.themes.map((t) => [t.id, t.label]));
