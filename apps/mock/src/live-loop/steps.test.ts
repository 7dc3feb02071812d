import { describe, expect, it } from 'vitest';
import { lintStep, typecheckStep, type Runner } from './steps.ts';

/** A runner that records the commands and answers with `result`. */
function fakeRunner(result: { code: number; output: string }) {
  const calls: string[] = [];
  const run: Runner = async (command, args) => {
    calls.push([command, ...args].join(' '));
    return result;
  };
  return { run, calls };
}

describe('lintStep', () => {
  it('lints both specs in the stylish format and gates the rest', async () => {
    const { run, calls } = fakeRunner({ code: 0, output: 'Woohoo!' });
    const step = lintStep(run);
    expect(step.gate).toBe(true);
    expect(await step.run()).toEqual({ ok: true, details: [] });
    expect(calls).toEqual(['npm run -s lint -w specs -- --format stylish']);
  });

  it('shows each problem with its path from the repository root', async () => {
    const { run } = fakeRunner({ code: 1, output: 'camunda/openapi.yaml:\n  3:3  error    struct  Property `bogus` is not expected here.\n' });
    expect(await lintStep(run).run()).toEqual({ ok: false, details: ['specs/camunda/openapi.yaml:3:3 error struct Property `bogus` is not expected here.'] });
  });
});

describe('typecheckStep', () => {
  it("lists the app's type errors, one line each", async () => {
    const { run, calls } = fakeRunner({ code: 2, output: "apps/onezone/src/routes/users/get-user.ts(20,5): error TS2322: Type 'null' is not assignable to type 'string'.\n" });
    const step = typecheckStep(run, 'apps/onezone');
    expect(step).toMatchObject({ name: 'typecheck apps/onezone', gate: false });
    expect(await step.run()).toEqual({ ok: false, details: ["apps/onezone/src/routes/users/get-user.ts:20:5 TS2322 Type 'null' is not assignable to type 'string'."] });
    expect(calls[0]).toMatch(/\/typescript-native\/bin\/tsc -p apps\/onezone\/tsconfig.json --pretty false --incremental --tsBuildInfoFile \S+$/);
  });

  it("puts the handlers' errors first and sums up those in tests", async () => {
    const output = [
      "apps/camunda/src/routes/users/create-user.test.ts(26,39): error TS2339: Property 'userKey' does not exist on type '{ userId: number; }'.",
      `apps/camunda/src/routes/users/create-user.ts(8,3): error TS2322: Type '${'x'.repeat(300)}' is not assignable.`,
      "apps/camunda/src/test-support/harness.ts(84,18): error TS2339: Property 'userKey' does not exist on type '{ userId: number; }'.",
    ].join('\n');
    const { details } = await typecheckStep(fakeRunner({ code: 2, output }).run, 'apps/camunda').run();
    expect(details).toHaveLength(2);
    expect(details[0]).toMatch(/^apps\/camunda\/src\/routes\/users\/create-user.ts:8:3 TS2322 Type 'x+…$/);
    expect(details[0]!.length).toBe(220);
    expect(details[1]).toBe('+ 2 errors in tests (apps/camunda/src/routes/users/create-user.test.ts, apps/camunda/src/test-support/harness.ts)');
  });

  it('falls back to the end of the output when it cannot read the errors', async () => {
    const { run } = fakeRunner({ code: 1, output: 'error TS5058: The specified path does not exist\n' });
    expect((await typecheckStep(run, 'apps/nope').run()).details).toEqual(['error TS5058: The specified path does not exist']);
  });
});
