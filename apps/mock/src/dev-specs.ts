// `npm run dev:specs`: the designers' live loop. Watches specs/; on save lints, regenerates,
// restarts the stateful mock (Prism reloads by itself), rebuilds the docs and typechecks both apps
// against the new types, printing what failed in a few short lines.
import { fileURLToPath } from 'node:url';
import { childMock } from './live-loop/child-mock.ts';
import { formatStep, formatSummary, runPipeline, type Step } from './live-loop/pipeline.ts';
import { createScheduler } from './live-loop/scheduler.ts';
import { docsStep, generateStep, lintStep, reloadStep, runCommand, stopCommands, typecheckStep } from './live-loop/steps.ts';
import { watchSpecs } from './live-loop/watch-specs.ts';
import { loadConfig } from './config.ts';
import { startMocks, type RunningMocks } from './start-mocks.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const specsDir = `${root}specs`;
const run = (command: string, args: readonly string[]) => runCommand(command, args, root);
const time = () => new Date().toTimeString().slice(0, 8);

const stateful = childMock('apps/mock/src/stateful-index.ts', root, (line) => console.log(`  [stateful mock] ${line}`));
let prism: RunningMocks | undefined;
try {
  const config = loadConfig();
  prism = await startMocks({ ...config, onLine: (api, line) => /reload|error|Violation/i.test(line) && console.log(`  [prism ${api}] ${line}`) });
  console.log(`Prism mocks: ${prism.camunda.baseUrl}, ${prism.onezone.baseUrl} (reload when the bundles change)`);
} catch (error) {
  console.log(`Prism mocks not started (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); one already running reloads by itself.`);
}
try {
  for (const line of await stateful.restart()) console.log(line);
  console.log('  (admin / change-me-now unless ADMIN_USERNAME / ADMIN_PASSWORD; seed: GET /__mock/seed, reset: POST /__mock/reset)');
} catch (error) {
  console.log(`Stateful mock not started: ${error instanceof Error ? error.message : String(error)}`);
}

const typechecks = [typecheckStep(run, 'apps/camunda'), typecheckStep(run, 'apps/onezone')];
const stages: Step[][] = [
  [lintStep(run)],
  [generateStep(run)],
  [reloadStep('restart stateful mock', () => stateful.restart())],
  [docsStep(run), ...typechecks],
];
// A first, quiet typecheck fills tsc's incremental cache, so the one after a save takes seconds.
const primed = Promise.all(typechecks.map((step) => step.run().catch(() => undefined)));

const changed = new Set<string>();
const scheduler = createScheduler(async () => {
  await primed;
  const files = [...changed];
  changed.clear();
  console.log(`\n[${time()}] changed: ${files.map((file) => `specs/${file}`).join(', ')}`);
  const report = await runPipeline(stages, (step) => console.log(formatStep(step).join('\n')));
  console.log(formatSummary(report));
});
const stopWatching = watchSpecs(specsDir, (file) => {
  changed.add(file);
  scheduler.trigger();
});
console.log(`Watching ${specsDir}/ (camunda/, onezone/, redocly.yaml). Save a spec file to run: lint → generate → mocks → docs + typecheck. Ctrl-C stops.`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  scheduler.stop();
  stopCommands();
  await Promise.allSettled([stopWatching(), stateful.stop(), prism?.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
