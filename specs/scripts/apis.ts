import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Folder of the specs workspace, whatever the current directory. */
export const specsDir = fileURLToPath(new URL('..', import.meta.url));

/** The API names declared under `apis:` in redocly.yaml: the one list every script works from. */
export function apiNames(): string[] {
  const config = parse(readFileSync(`${specsDir}/redocly.yaml`, 'utf8')) as { apis: Record<string, unknown> };
  return Object.keys(config.apis);
}
