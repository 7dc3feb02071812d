/**
 * Every named example of every response, asked of a mock with `Prefer: code=<status>,
 * example=<name>`, must come back as written: status, media type, body, header examples, and no
 * `sl-violations` (the request built from the spec's examples is valid). The scenarios are the
 * ones `apps/mock` derives from the bundle, so a new example is checked without a new case.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ExampleRow } from '@repo/contract-fuzz/coverage';
import { operationScenarios } from '@repo/mock/scenarios';
import type { Credentials } from '../support/admin.ts';

/** Asks the mock at `baseUrl` for each example of `spec`, one at a time. */
export async function probeExamples(spec: Record<string, unknown>, baseUrl: string, credentials: Credentials): Promise<ExampleRow[]> {
  const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const rows: ExampleRow[] = [];
  for (const operation of operationScenarios(spec)) {
    for (const scenario of operation.scenarios) {
      const headers: Record<string, string> = { Authorization: authorization, Prefer: scenario.prefer };
      if (operation.request.mediaType) headers['Content-Type'] = operation.request.mediaType;
      const response = await fetch(`${baseUrl}${operation.request.path}`, {
        method: operation.method,
        headers,
        ...(operation.request.body === undefined ? {} : { body: JSON.stringify(operation.request.body) }),
      });
      const text = await response.text();
      const differences = differencesOf(scenario, response, text);
      rows.push({
        operationId: operation.operationId,
        status: scenario.status,
        example: scenario.example,
        outcome: differences.length === 0 ? 'served' : 'WRONG',
        detail: differences.length === 0 ? undefined : differences.join('; '),
      });
    }
  }
  return rows;
}

type Scenario = ReturnType<typeof operationScenarios>[number]['scenarios'][number];

function differencesOf(scenario: Scenario, response: Response, text: string): string[] {
  const found: string[] = [];
  if (response.status !== scenario.status) found.push(`status ${response.status}`);
  if (scenario.mediaType === undefined) {
    if (text !== '') found.push(`a body where none is documented: ${text.slice(0, 80)}`);
  } else {
    const contentType = response.headers.get('content-type')?.toLowerCase() ?? '';
    if (!contentType.includes(scenario.mediaType)) found.push(`content type ${contentType || '(none)'}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    if (!isDeepStrictEqual(body, scenario.body)) found.push(`body ${text.slice(0, 120)} differs from the example`);
  }
  for (const [header, value] of Object.entries(scenario.headers)) {
    if (response.headers.get(header) !== value) found.push(`header ${header}: ${response.headers.get(header)}`);
  }
  const violations = response.headers.get('sl-violations');
  if (violations !== null) found.push(`the mock found the request invalid: ${violations.slice(0, 200)}`);
  return found;
}
