/**
 * MSW request handlers of both APIs, derived at run time from the bundled specs' named examples:
 * a default set per API, one handler per scenario, the whole catalogue, and openapi-msw's typed
 * `http` for hand-written ones. For frontend unit tests (`setupServer` from `msw/node`) and
 * Storybook or the browser (`setupWorker` from `msw/browser`).
 *
 * @packageDocumentation
 */
export { camunda } from './camunda.ts';
export { onezone } from './onezone.ts';
export { createMockApi, type BaseUrlOption, type HandlersOptions, type MockApi } from './mock-api.ts';
export { responseExamples, type ResponseExample } from './response-examples.ts';
export { parseScenario, selectExample, type OperationStatus, type Scenario, type ScenarioMap } from './scenario.ts';
