import { readFile } from 'node:fs/promises';
import type { Context, Handler } from 'hono';

/**
 * `GET /docs`: the offline HTML reference of the API (`npm run docs` renders it; the build copies it
 * to `dist/docs.html`). Read on first use and kept; absent, `notFound` answers in the API's format.
 */
export function docsHandler(file: string | undefined, notFound: (c: Context) => Response): Handler {
  let html: Promise<string | undefined> | undefined;
  const load = () => (file === undefined ? Promise.resolve(undefined) : readFile(file, 'utf8').catch(() => undefined));
  return async (c) => {
    html ??= load();
    const page = await html;
    // Not kept while missing, so that running `npm run docs` fixes it without a restart.
    if (page === undefined) {
      html = undefined;
      return notFound(c);
    }
    return c.html(page);
  };
}
