/** The report as text: statuses per operation, checks per operation, every distinct failure, the seed. */
import type { FuzzReport } from '../types.ts';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Formats a report: a table of operation × status (counts), a table of check × operation (passed,
 * failed, or not applicable with the reason), then every distinct failure with its message, what
 * was sent and its curl line, and the seed line to replay the run.
 */
export function formatReport(report: FuzzReport): string {
  const out: string[] = [`# contract-fuzz: ${report.target}`, `requests sent: ${report.requestsSent}`, ''];
  const statuses = [...new Set([...report.statuses.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  out.push(
    table(
      ['operation', ...statuses.map((s) => (s === 0 ? 'no answer' : String(s)))],
      [...report.statuses.entries()].map(([op, byStatus]) => [op, ...statuses.map((s) => String(byStatus.get(s) ?? ''))]),
    ),
    '',
  );
  const operations = [...new Set(report.checks.map((c) => c.operationId))];
  const checks = [...new Set(report.checks.map((c) => c.check))];
  const cell = (check: string, op: string): string => {
    const outcome = report.checks.find((c) => c.check === check && c.operationId === op);
    if (outcome === undefined) return '';
    if (outcome.status === 'not applicable') return 'n/a';
    const excused = outcome.excused ? `, ${outcome.excused} excused` : '';
    return `${outcome.status === 'passed' ? 'passed' : 'FAILED'} (${outcome.evaluated}${excused})`;
  };
  out.push(table(['check', ...operations], checks.map((check) => [check, ...operations.map((op) => cell(check, op))])), '');
  const reasons = report.checks.filter((c) => c.reason !== undefined);
  if (reasons.length > 0) {
    out.push('not applicable (n/a), or applicable only in part:');
    for (const c of reasons) out.push(`  ${c.check} on ${c.operationId}${c.status === 'not applicable' ? '' : ` (${c.status})`}: ${c.reason ?? ''}`);
    out.push('');
  }
  out.push(`${report.failures.length} distinct failure(s)`);
  report.failures.forEach((f, i) => {
    out.push(
      '',
      `${i + 1}. ${f.check} on ${f.operationId}: ${f.message}`,
      `   sent: ${f.generated.description} (${f.generated.class})`,
      `   got:  ${f.response.status} ${f.response.text.slice(0, 300).replaceAll('\n', ' ')}`,
      `   ${f.curl.length > 4000 ? `${f.curl.slice(0, 4000)} …(${f.curl.length} characters; replay with the seed)` : f.curl}`,
    );
  });
  out.push('', `seed=${report.seed} (replay: FUZZ_SEED=${report.seed})`);
  return out.join('\n');
}
