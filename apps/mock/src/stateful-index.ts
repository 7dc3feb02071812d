// `npm run mock:stateful`: both APIs' real apps on in-memory SQLite, seeded from the spec examples.
import { loadStatefulConfig, type StatefulMockConfig } from './stateful/stateful-config.ts';
import { startStatefulMocks, type RunningStatefulMock } from './stateful/start-stateful-mocks.ts';

let config: StatefulMockConfig;
try {
  config = loadStatefulConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

let mocks: Awaited<ReturnType<typeof startStatefulMocks>>;
try {
  mocks = await startStatefulMocks(config);
} catch (error) {
  console.error(`Stateful mocks not started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await mocks.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

const seedLines = (mock: RunningStatefulMock) =>
  mock.seeded().map((user) => {
    const id = user.id === user.exampleId ? user.id : `${user.id} (example: ${user.exampleId})`;
    const login = user.password === null ? 'no password login' : `password ${user.password}`;
    return `    ${user.username ?? '(no username)'}  ${id}  ${login}  [${user.source}]`;
  });

console.log(`Camunda stateful mock: ${mocks.camunda.baseUrl}`);
console.log(`Onezone stateful mock: ${mocks.onezone.baseUrl}`);
console.log(
  [
    `The real servers' handlers on in-memory SQLite: what you create stays until a reset or a restart.`,
    `Admin: ${config.admin.username} / ${config.admin.password} (ADMIN_USERNAME / ADMIN_PASSWORD). Seeded from the spec examples:`,
    '  Camunda',
    ...seedLines(mocks.camunda),
    '  Onezone',
    ...seedLines(mocks.onezone),
    'Scenarios: `Prefer: code=<status>, example=<name>`. Reset: `POST /__mock/reset` on either port; seed: `GET /__mock/seed`. Ctrl-C stops.',
  ].join('\n'),
);
