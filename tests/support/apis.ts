import { fileURLToPath } from 'node:url';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What the tests need to know of each API's server. */
export const APIS = {
  camunda: { appDir: 'apps/camunda', workspace: '@repo/camunda-server', portVariable: 'CAMUNDA_PORT', basePath: '/v2', spec: camundaSpec },
  onezone: {
    appDir: 'apps/onezone',
    workspace: '@repo/onezone-server',
    portVariable: 'ONEZONE_PORT',
    basePath: '/api/v3/onezone',
    spec: onezoneSpec,
  },
} as const;

export type ApiName = keyof typeof APIS;
