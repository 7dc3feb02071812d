// Bundles src/index.ts into dist/index.js (and the rendered spec into dist/docs.html); see server-kit's build-server.mjs.
import { buildServer } from '@repo/server-kit/build-server';

await buildServer({ appUrl: import.meta.url, api: 'camunda' });
