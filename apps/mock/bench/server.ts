// A mock for the benchmark, run pinned to one core by stateful-vs-prism.ts (Prism's children
// inherit the pinning): `stateful` is `npm run mock:stateful`, `prism` is `npm run mock`, both
// APIs on free ports. Prints `READY <camundaPort> <onezonePort> <seeded Onezone user id>`; exits on SIGTERM.
import { startMocks } from '../src/start-mocks.ts';
import { startStatefulMocks } from '../src/stateful/start-stateful-mocks.ts';

const mode = process.argv[2];
let ports: [number, number, string];
let close: () => Promise<void>;
if (mode === 'stateful') {
  const mocks = await startStatefulMocks({ camundaPort: 0, onezonePort: 0 });
  const rudolf = mocks.onezone.seeded().find((user) => user.username === 'r.lingens');
  ports = [mocks.camunda.port, mocks.onezone.port, rudolf?.id ?? ''];
  close = mocks.close;
} else if (mode === 'prism') {
  const mocks = await startMocks({ camundaPort: 0, onezonePort: 0, watch: false });
  // Prism answers any id with the example; the example's own keeps the request identical in shape.
  ports = [mocks.camunda.port, mocks.onezone.port, '9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b'];
  close = mocks.close;
} else {
  throw new Error(`usage: server.ts stateful|prism, got ${String(mode)}`);
}
process.once('SIGTERM', () => void close().then(() => process.exit(0)));
console.log(`READY ${ports.join(' ')}`);
