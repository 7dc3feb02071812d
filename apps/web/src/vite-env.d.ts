/// <reference types="vite/client" />

/** Build-time overrides of the default base URLs (see `src/targets.ts`). */
interface ImportMetaEnv {
  readonly VITE_CAMUNDA_MOCK_URL?: string;
  readonly VITE_CAMUNDA_SERVER_URL?: string;
  readonly VITE_CAMUNDA_STATEFUL_URL?: string;
  readonly VITE_ONEZONE_STATEFUL_URL?: string;
  readonly VITE_ONEZONE_MOCK_URL?: string;
  readonly VITE_ONEZONE_SERVER_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
