/** The two APIs' stateful mocks: spec, error mapper and realm of the real servers. */
import { onezoneErrors, REALM as ONEZONE_REALM } from '@repo/onezone-server';
import { camundaErrors } from '@repo/camunda-server';
import { camundaSpec } from '@repo/specs/camunda';
import { onezoneSpec } from '@repo/specs/onezone';
import type { SpecDocument } from '../mount-bundle.ts';
import { buildCamundaMock, camundaDefaults } from './camunda-mock.ts';
import { buildOnezoneMock, onezoneDefaults } from './onezone-mock.ts';
import type { StatefulApiDefinition } from './stateful-mock.ts';

export const STATEFUL_APIS = {
  camunda: {
    name: 'camunda',
    spec: camundaSpec as SpecDocument,
    errors: camundaErrors,
    realm: 'camunda',
    bodyLimit: camundaDefaults.bodyLimitBytes,
    build: buildCamundaMock,
  },
  onezone: {
    name: 'onezone',
    spec: onezoneSpec as SpecDocument,
    errors: onezoneErrors,
    realm: ONEZONE_REALM,
    bodyLimit: onezoneDefaults.bodyLimitBytes,
    build: buildOnezoneMock,
  },
} as const satisfies Record<string, StatefulApiDefinition>;
