/**
 * Presenting a ReconcileResult (src/analyse/reconcile.ts): agreement per field, then every
 * disagreement, then what only one side has; and the JSON document (`sendmine-reconcile/1`).
 */
import chalk, { Chalk } from 'chalk';
import type { FieldValue, ReconcileResult } from '../analyse/reconcile.js';

export interface ReconcileFormatOptions {
  color: boolean;
}

function show(v: FieldValue): string {
  if (v === null) return 'not stated';
  if (v === true) return 'yes';
  if (v === false) return 'no';
  if (v === 'some-or-none') return 'some or none';
  return String(v);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatReconcileText(result: ReconcileResult, options: ReconcileFormatOptions): string {
  const c = new Chalk({ level: options.color ? (Math.max(chalk.level, 1) as 1 | 2 | 3) : 0 });
  const n = result.counts;
  const out: string[] = [];
  out.push(c.bold('Reconciliation with official outcome data'));
  for (const s of result.sources) {
    const kinds = Object.entries(s.kinds).map(([k, v]) => `${v} ${k}`).join(', ');
    out.push(`  ${s.source}: ${plural(s.records, 'record')} (${kinds})`);
  }
  out.push(
    `  ${plural(n.reports, 'report')} read: ${n.sendReports} of a kind the official data covers, ${n.matched} matched to an official record` +
      (n.ignored ? `, ${n.ignored} ignored` : ''),
  );
  out.push('');

  out.push(c.bold('Agreement by field'));
  if (result.agreement.length === 0) out.push('  nothing compared');
  else {
    const width = Math.max(...result.agreement.map((a) => a.label.length));
    for (const a of result.agreement) {
      const verdict = a.disagree === 0 ? c.green(`${a.agree}/${a.compared} agree`) : c.red(`${a.agree}/${a.compared} agree, ${a.disagree} disagree`);
      out.push(`  ${a.label.padEnd(width)}  ${verdict}`);
    }
  }
  out.push('');

  out.push(c.bold(`Disagreements (${result.disagreements.length})`));
  if (result.disagreements.length === 0) out.push('  none');
  for (const d of result.disagreements) {
    out.push(`  ${c.red('✗')} ${d.area} (${d.kind}) ${d.field}: letter ${c.bold(show(d.letter))}, official ${c.bold(show(d.official))}`);
    out.push(c.dim(`      ${d.file}; ${d.source} row ${d.row}`));
  }

  const nearby = result.matches.filter((m) => m.daysApart !== 0);
  if (nearby.length > 0) {
    out.push('');
    out.push(c.bold(`Matched on a different start date (${nearby.length})`));
    for (const m of nearby) {
      out.push(
        m.daysApart === null
          ? `  ${m.area} (${m.kind}): the report gives no start date; official ${m.officialStart}`
          : `  ${m.area} (${m.kind}): report ${m.reportStart}, official ${m.officialStart} (${plural(m.daysApart, 'day')} apart)`,
      );
    }
  }

  out.push('');
  out.push(c.bold(`Reports with no official record (${result.unmatchedReports.length})`));
  if (result.unmatchedReports.length === 0) out.push('  none');
  for (const u of result.unmatchedReports) {
    out.push(`  ${u.area ?? '(no area)'} (${u.kind}, ${u.inspectionStart ?? 'no start date'}): ${u.reason}`);
    out.push(c.dim(`      ${u.file}`));
  }

  out.push('');
  out.push(c.bold(`Official records with no report (${result.unmatchedOfficial.length})`));
  if (result.unmatchedOfficial.length === 0) out.push('  none');
  for (const u of result.unmatchedOfficial) {
    out.push(`  ${u.area}${u.laCode ? ` ${c.dim(u.laCode)}` : ''} (${u.kind}, ${u.inspectionStart})  ${c.dim(`${u.source} row ${u.row}`)}`);
  }

  if (result.ignored.length > 0) {
    out.push('');
    out.push(c.bold(`Ignored (${result.ignored.length})`));
    for (const i of result.ignored) out.push(`  ${i.file} (${i.kind}): ${i.reason}`);
  }
  if (result.warnings.length > 0) {
    out.push('');
    out.push(c.bold(c.yellow(`Warnings (${result.warnings.length})`)));
    for (const w of result.warnings) out.push(`  ${w}`);
  }
  return out.join('\n') + '\n';
}

/** The result as JSON text (`schema: 'sendmine-reconcile/1'` first). */
export function reconcileToJson(result: ReconcileResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
