/**
 * The one file that lists the documented (operation, status) pairs the generated suite cannot
 * reach, each with its reason. Anything not reached and not listed fails the suite; a listed
 * pair that is reached fails it too (the exception is stale), so the file never outlives its
 * reasons.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** A documented pair excused from coverage. */
export interface CoverageException {
  /** The API the pair belongs to, as the suite names it (`camunda`, `onezone`, a bundle's name). */
  readonly api: string;
  readonly operationId: string;
  readonly status: number;
  /** Why no generated request can reach it; printed in the matrix. */
  readonly reason: string;
}

/** Reads and validates the exceptions file (YAML: a list of `{ api, operationId, status, reason }`). */
export async function loadCoverageExceptions(file: string): Promise<CoverageException[]> {
  return parseCoverageExceptions(await readFile(file, 'utf8'), file);
}

/** {@link loadCoverageExceptions} on text; `source` names the file in errors. */
export function parseCoverageExceptions(text: string, source = 'coverage exceptions'): CoverageException[] {
  const document: unknown = parse(text) ?? [];
  if (!Array.isArray(document)) throw new Error(`${source}: expected a list of { api, operationId, status, reason }`);
  const seen = new Set<string>();
  return document.map((entry: unknown, index) => {
    const where = `${source}, entry ${index + 1}`;
    const { api, operationId, status, reason, ...rest } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw new Error(`${where}: unknown keys ${Object.keys(rest).join(', ')}`);
    if (typeof api !== 'string' || api === '') throw new Error(`${where}: api must be a non-empty string`);
    if (typeof operationId !== 'string' || operationId === '') throw new Error(`${where}: operationId must be a non-empty string`);
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) throw new Error(`${where}: status must be an HTTP status code`);
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${where}: reason must say why the pair cannot be reached`);
    const key = `${api} ${operationId} ${status}`;
    if (seen.has(key)) throw new Error(`${where}: ${key} is listed twice`);
    seen.add(key);
    return { api, operationId, status, reason: reason.trim() };
  });
}
