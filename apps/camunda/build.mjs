// Bundles src/index.ts into dist/index.js (and the rendered spec into dist/docs.html); see packages/build/build-server.mjs.
import { buildServer } from '@repo/build/build-server';

await buildServer({ appUrl: import.meta.url, api: 'camunda' });
