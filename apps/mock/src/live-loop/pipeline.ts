/**
 * The designers' live loop as data: stages of steps run in order (the steps of one stage side by
 * side), stopping after a stage where a step that gates the rest failed. Pure orchestration: what
 * a step does is injected, so order, stopping and reporting are tested without running anything.
 */

/** What a step found. */
export interface StepOutcome {
  ok: boolean;
  /** Short lines worth showing (errors first); empty when there is nothing to say. */
  details: string[];
}

/** One thing to do on a spec change. */
export interface Step {
  /** Shown in the report, e.g. `lint`, `typecheck apps/camunda`. */
  name: string;
  /** When it fails, the later stages do not run (a spec that does not lint is not regenerated). */
  gate: boolean;
  run: () => Promise<StepOutcome>;
}

/** A step's result in a run's report. */
export interface StepReport extends StepOutcome {
  name: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** Set when it threw rather than failed. */
  crashed?: boolean;
}

/** What one run did. */
export interface RunReport {
  steps: StepReport[];
  /** The steps that did not run because an earlier gate failed. */
  skipped: string[];
  ok: boolean;
  ms: number;
}

/** Runs `stages` in order; `onStep` hears each step as it ends (for live output). */
export async function runPipeline(stages: readonly (readonly Step[])[], onStep: (report: StepReport) => void = () => {}, now: () => number = Date.now): Promise<RunReport> {
  const started = now();
  const steps: StepReport[] = [];
  const skipped: string[] = [];
  let gated = false;
  for (const stage of stages) {
    if (gated) {
      skipped.push(...stage.map((step) => step.name));
      continue;
    }
    const reports = await Promise.all(
      stage.map(async (step): Promise<StepReport> => {
        const begun = now();
        let report: StepReport;
        try {
          const outcome = await step.run();
          report = { name: step.name, ok: outcome.ok, details: outcome.details, ms: now() - begun };
        } catch (error) {
          report = { name: step.name, ok: false, details: [error instanceof Error ? error.message : String(error)], ms: now() - begun, crashed: true };
        }
        onStep(report);
        return report;
      }),
    );
    steps.push(...reports);
    gated = stage.some((step, i) => step.gate && !reports[i]!.ok);
  }
  return { steps, skipped, ok: steps.every((step) => step.ok), ms: now() - started };
}

/** The report as the terminal shows it: one line per step, its details indented, then a summary line. */
export function formatStep(report: StepReport, maxDetails = 12): string[] {
  const mark = report.ok ? '✓' : '✗';
  const lines = [`${mark} ${report.name} (${formatMs(report.ms)})${report.crashed ? ' crashed' : ''}`];
  const shown = report.details.slice(0, maxDetails);
  lines.push(...shown.map((line) => `    ${line}`));
  if (report.details.length > shown.length) lines.push(`    … and ${report.details.length - shown.length} more`);
  return lines;
}

/** The last line of a run. */
export function formatSummary(report: RunReport): string {
  const failed = report.steps.filter((step) => !step.ok).map((step) => step.name);
  const skipped = report.skipped.length > 0 ? `; not run: ${report.skipped.join(', ')}` : '';
  return report.ok
    ? `All green in ${formatMs(report.ms)}.`
    : `Failed: ${failed.join(', ')} (${formatMs(report.ms)})${skipped}. Waiting for the next save.`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
