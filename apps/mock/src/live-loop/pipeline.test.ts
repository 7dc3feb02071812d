import { describe, expect, it } from 'vitest';
import { formatStep, formatSummary, runPipeline, type Step, type StepOutcome } from './pipeline.ts';

/** A step that records when it starts and ends in `log`. */
function step(name: string, log: string[], result: StepOutcome | Error = { ok: true, details: [] }, gate = false): Step {
  return {
    name,
    gate,
    run: async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.push(`end ${name}`);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

const failed = (...details: string[]): StepOutcome => ({ ok: false, details });

describe('runPipeline', () => {
  it('runs the stages in order and the steps of a stage side by side', async () => {
    const log: string[] = [];
    const report = await runPipeline([[step('lint', log, undefined, true)], [step('docs', log), step('typecheck', log)]]);
    expect(log).toEqual(['start lint', 'end lint', 'start docs', 'start typecheck', 'end docs', 'end typecheck']);
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.name)).toEqual(['lint', 'docs', 'typecheck']);
  });

  it('stops after a stage whose gate failed, and says what it did not run', async () => {
    const log: string[] = [];
    const report = await runPipeline([[step('lint', log, failed('specs/camunda/openapi.yaml:3:3 error struct …'), true)], [step('generate', log, undefined, true)], [step('docs', log)]]);
    expect(log).toEqual(['start lint', 'end lint']);
    expect(report).toMatchObject({ ok: false, skipped: ['generate', 'docs'] });
    expect(report.steps[0]).toMatchObject({ name: 'lint', ok: false, details: ['specs/camunda/openapi.yaml:3:3 error struct …'] });
  });

  it('runs on past a failed step that gates nothing', async () => {
    const log: string[] = [];
    const report = await runPipeline([[step('docs', log, failed('boom'))], [step('typecheck', log)]]);
    expect(log).toContain('end typecheck');
    expect(report).toMatchObject({ ok: false, skipped: [] });
  });

  it('reports a step that throws as crashed, with its message', async () => {
    const report = await runPipeline([[step('restart stateful mock', [], new Error('port 4020 in use'), true)], [step('docs', [])]]);
    expect(report.steps[0]).toMatchObject({ ok: false, crashed: true, details: ['port 4020 in use'] });
    expect(report.skipped).toEqual(['docs']);
  });

  it('tells the listener about each step as it ends', async () => {
    const heard: string[] = [];
    await runPipeline([[step('lint', [])], [step('generate', [])]], (s) => heard.push(s.name));
    expect(heard).toEqual(['lint', 'generate']);
  });

  it('measures each step and the run with the given clock', async () => {
    let t = 0;
    const report = await runPipeline([[step('lint', [])]], () => {}, () => (t += 500));
    expect(report.steps[0]!.ms).toBe(500);
    expect(report.ms).toBe(1500);
  });
});

describe('formatStep', () => {
  it('is one line for a green step', () => {
    expect(formatStep({ name: 'generate', ok: true, details: [], ms: 2300 })).toEqual(['✓ generate (2.3 s)']);
  });

  it('indents the details of a failed step and cuts them short', () => {
    const lines = formatStep({ name: 'typecheck apps/camunda', ok: false, details: ['a', 'b', 'c'], ms: 40 }, 2);
    expect(lines).toEqual(['✗ typecheck apps/camunda (40 ms)', '    a', '    b', '    … and 1 more']);
  });
});

describe('formatSummary', () => {
  it('says all green, or what failed and what did not run', () => {
    expect(formatSummary({ ok: true, steps: [], skipped: [], ms: 3100 })).toBe('All green in 3.1 s.');
    expect(
      formatSummary({ ok: false, steps: [{ name: 'lint', ok: false, details: [], ms: 1 }], skipped: ['generate', 'docs'], ms: 900 }),
    ).toBe('Failed: lint (900 ms); not run: generate, docs. Waiting for the next save.');
  });
});
