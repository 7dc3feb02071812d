// `npm run mock`: Prism mocks of both APIs, under the same base paths as the servers.
import { loadConfig, type MockConfig } from './config.ts';
import { startMocks } from './start-mocks.ts';

let config: MockConfig;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const started = startMocks({
  ...config,
  onLine: (api, line) => console.log(`[${api}] ${line}`),
  onExit: (api, code) => {
    console.error(`[${api}] Prism exited unexpectedly (code ${code}); stopping.`);
    void shutdown(1);
  },
});

let stopping = false;
/** Stops both Prism children (waiting for a start in progress, so none is orphaned) and exits. */
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const mocks = await started.catch(() => undefined);
  await mocks?.close();
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  const mocks = await started;
  console.log(`Camunda mock: ${mocks.camunda.baseUrl}`);
  console.log(`Onezone mock: ${mocks.onezone.baseUrl}`);
  console.log(
    `Serving the spec examples${config.dynamic ? ' (dynamic mode: bodies generated from the schemas)' : ''}; ` +
      'pick a scenario with `Prefer: code=<status>, example=<name>`. Reloads when specs/generated changes; Ctrl-C stops.',
  );
} catch (error) {
  console.error(`Mocks not started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
