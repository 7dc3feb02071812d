import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Folder of the specs workspace, whatever the current directory. */
export const specsDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * The OpenAPI APIs declared under `apis:` in redocly.yaml: the one list every script works from.
 * Entries whose root is an Arazzo file (`*.arazzo.yaml`, the user journeys) are there for
 * `redocly lint` only: they are neither bundled nor documented.
 */
export function apiNames(): string[] {
  const config = parse(readFileSync(`${specsDir}/redocly.yaml`, 'utf8')) as { apis: Record<string, { root: string }> };
  return Object.entries(config.apis)
    .filter(([, api]) => !api.root.endsWith('.arazzo.yaml'))
    .map(([name]) => name);
}
