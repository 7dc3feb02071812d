/** The documents the package's tests run on: the repository's bundled specs and the fixture. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSpecValidator, type SpecValidator } from '../schema/spec-ajv.ts';
import type { JsonObject } from '../spec/pointer.ts';
import { fixtureSpec } from './fixture-spec.ts';

function bundled(api: string): JsonObject {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../specs/generated/${api}.openapi.json`, import.meta.url)), 'utf8')) as JsonObject;
}

export interface TestDocument {
  readonly name: string;
  readonly document: JsonObject;
  readonly validator: SpecValidator;
}

export const testDocuments: readonly TestDocument[] = [
  ['camunda', bundled('camunda')],
  ['onezone', bundled('onezone')],
  ['fixture', fixtureSpec as unknown as JsonObject],
].map(([name, document]) => ({ name: name as string, document: document as JsonObject, validator: createSpecValidator(document as JsonObject) }));

/** Every schema under components/schemas, as [document name, schema name, pointer]. */
export function componentSchemas(): Array<[string, string, string]> {
  return testDocuments.flatMap((doc) =>
    Object.keys((doc.document['components'] as { schemas: Record<string, unknown> }).schemas).map(
      (name) => [doc.name, name, `#/components/schemas/${name}`] as [string, string, string],
    ),
  );
}

export function testDocument(name: string): TestDocument {
  const found = testDocuments.find((d) => d.name === name);
  if (found === undefined) throw new Error(`no test document ${name}`);
  return found;
}
