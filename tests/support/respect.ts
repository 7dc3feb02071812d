/**
 * Runs `redocly respect` (Redocly CLI, pinned by the specs workspace) on an Arazzo file of
 * `specs/arazzo/` as a child process, and reads back its JSON report.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './apis.ts';

const specsDir = join(repoRoot, 'specs');
const redoclyBin = createRequire(join(specsDir, 'package.json')).resolve('@redocly/cli/bin/cli.js');

/** One step as Respect's `--json-output` reports it. */
export interface RespectStep {
  stepId: string;
  status: string;
  request?: { method: string; url: string };
  response?: { statusCode: number };
  checks: { name: string; passed: boolean; message: string }[];
}

/** One workflow as Respect's `--json-output` reports it. */
export interface RespectWorkflow {
  workflowId: string;
  status: string;
  executedSteps: RespectStep[];
}

/** What a run produced: the exit code, the console output and the parsed JSON report. */
export interface RespectRun {
  exitCode: number;
  output: string;
  status: string | undefined;
  workflows: RespectWorkflow[];
}

/** The workflows an Arazzo file declares, with their step ids, read from the file itself. */
export function declaredWorkflows(arazzoFile: string): { workflowId: string; stepIds: string[] }[] {
  const document = parse(readFileSync(join(specsDir, arazzoFile), 'utf8')) as { workflows: { workflowId: string; steps: { stepId: string }[] }[] };
  return document.workflows.map((w) => ({ workflowId: w.workflowId, stepIds: w.steps.map((s) => s.stepId) }));
}

/**
 * `redocly respect <arazzoFile> --server <sourceName>=<baseUrl> --input <inputs as JSON>`, run
 * from `specs/` (so it reads `specs/redocly.yaml`) with telemetry off. `arazzoFile` is relative
 * to `specs/`.
 */
export async function runRespect(arazzoFile: string, options: { sourceName: string; baseUrl: string; inputs: Record<string, string> }): Promise<RespectRun> {
  const outDir = mkdtempSync(join(tmpdir(), 'respect-'));
  const jsonOutput = join(outDir, 'report.json');
  const args = [
    redoclyBin,
    'respect',
    arazzoFile,
    '--server',
    `${options.sourceName}=${options.baseUrl}`,
    // JSON, not `key=value,…`: Respect splits that form on `,` and `=`, which passwords may hold.
    '--input',
    JSON.stringify(options.inputs),
    '--json-output',
    jsonOutput,
  ];
  try {
    const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        args,
        {
          cwd: specsDir,
          env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) => resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    let report: { status?: string; files?: Record<string, { executedWorkflows: RespectWorkflow[] }> } = {};
    try {
      report = JSON.parse(readFileSync(jsonOutput, 'utf8')) as typeof report;
    } catch {
      // No report: Respect failed before running anything; the exit code and output say why.
    }
    const workflows = Object.values(report.files ?? {}).flatMap((file) => file.executedWorkflows);
    return { exitCode, output, status: report.status, workflows };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The lines of Respect's console output from "Summary for" on: workflows, steps, checks, time. */
export function respectSummary(output: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.includes('Summary for'));
  return start < 0 ? output : lines.slice(start, start + 6).map((line) => line.trim()).filter(Boolean).join('\n');
}

/** Every failed check of a run, one line each, `workflow / step: check: message`. */
export function failedChecks(run: RespectRun): string[] {
  return run.workflows.flatMap((workflow) =>
    workflow.executedSteps.flatMap((step) =>
      step.checks.filter((check) => !check.passed).map((check) => `${workflow.workflowId} / ${step.stepId}: ${check.name}: ${check.message}`),
    ),
  );
}
