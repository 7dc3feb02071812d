import { describe, expect, it } from 'vitest';
import { isSpecSource } from './watch-specs.ts';

describe('isSpecSource', () => {
  it.each(['camunda/paths/users.yaml', 'onezone/components/examples/userRudolfLingens.yaml', 'redocly.yaml', 'camunda/openapi.yml'])('watches %s', (path) => {
    expect(isSpecSource(path)).toBe(true);
  });

  it.each([
    'generated/camunda.openapi.json',
    'docs/camunda.html',
    'docs/camunda-changes.md',
    'camunda/paths/.users.yaml.swp',
    'camunda/paths/users.yaml~',
    'scripts/generate.ts',
    'test/examples.test.ts',
    'package.json.tmp',
  ])('ignores %s (written by the loop, an editor or not a spec)', (path) => {
    expect(isSpecSource(path)).toBe(false);
  });
});
