/** Onezone: the parity table against the Prism mock and the real server. */
import { createOnezoneClient } from '@repo/onezone-client';
import { arrangeOnezone, onezoneScenarios, onezoneStateful } from './onezone-scenarios.ts';
import { paritySuite } from './parity-suite.ts';

paritySuite({
  api: 'onezone',
  client: (options) => createOnezoneClient(options),
  arrange: arrangeOnezone,
  errorOf: (body) => {
    const info = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
    return typeof info === 'object' && info !== null && 'id' in info ? String(info.id) : undefined;
  },
  scenarios: onezoneScenarios,
  stateful: onezoneStateful,
});
