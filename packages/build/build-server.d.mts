/** Bundles an app's src/index.ts into dist/index.js and copies its rendered spec to dist/docs.html. */
export function buildServer(options: { appUrl: string; api: string }): Promise<void>;
/** Bundles an app's src/index.ts into `outfile`, which must lie inside the app. */
export function bundleServer(options: { appUrl: string; outfile: string }): Promise<void>;
