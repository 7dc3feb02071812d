import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** One API the runner mocks. */
export interface MockedApi {
  /** Short name, used in logs and as the key of `startMocks`' result. */
  name: 'camunda' | 'onezone';
  /** Absolute path of the bundled spec, `specs/generated/<name>.openapi.json`. */
  bundlePath: string;
  /** The documented mock port. */
  defaultPort: number;
}

/** Both APIs, with their bundles resolved through the `@repo/specs` package. */
export const MOCKED_APIS: readonly MockedApi[] = [
  {
    name: 'camunda',
    bundlePath: require.resolve('@repo/specs/generated/camunda.openapi.json'),
    defaultPort: 4010,
  },
  {
    name: 'onezone',
    bundlePath: require.resolve('@repo/specs/generated/onezone.openapi.json'),
    defaultPort: 4011,
  },
];
