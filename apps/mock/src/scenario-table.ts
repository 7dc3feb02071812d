/**
 * Prints the README's scenario tables ("For frontend teams") from the bundled specs:
 * `npm run -w @repo/mock scenarios`. Regenerate and paste when a spec's examples change.
 */
import { readFileSync } from 'node:fs';
import { MOCKED_APIS } from './apis.ts';
import { serverBasePath, type SpecDocument } from './mount-bundle.ts';
import { operationScenarios } from './scenarios.ts';

const TITLES = { camunda: 'Camunda', onezone: 'Onezone' } as const;

/** The Markdown tables of one API's scenarios, one per operation. */
function scenarioTables(title: string, baseUrl: string, spec: SpecDocument): string {
  const basePath = serverBasePath(spec);
  const lines = [`### ${title} mock: \`${baseUrl}${basePath}\``, ''];
  for (const operation of operationScenarios(spec)) {
    lines.push(`#### \`${operation.operationId}\`: ${operation.method} ${basePath}${operation.path}`, '');
    lines.push('| Scenario | Status | `Prefer` header | What the mock returns |', '|---|---|---|---|');
    for (const scenario of operation.scenarios) {
      const name = scenario.example === undefined ? '(no body)' : `\`${scenario.example}\``;
      const extra = Object.keys(scenario.headers).length > 0 ? ` (headers: ${Object.keys(scenario.headers).join(', ')})` : '';
      lines.push(
        `| ${name}${scenario.isDefault ? ' (default)' : ''} | ${scenario.status} | \`${scenario.prefer}\` | ${cell(scenario.summary)}${extra} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

const host = 'http://127.0.0.1';
const output = MOCKED_APIS.map((api) =>
  scenarioTables(TITLES[api.name], `${host}:${api.defaultPort}`, JSON.parse(readFileSync(api.bundlePath, 'utf8')) as SpecDocument),
);
console.log(output.join('\n').trimEnd());
