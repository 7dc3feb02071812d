// The breaking-change gate on real edits of our own bundles: each case changes a copy of a bundle the
// way a designer might, and the gate must fail exactly the edits that break existing clients.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSpecs } from '../scripts/spec-diff.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- edits reach deep into the bundle

const work = mkdtempSync(join(tmpdir(), 'spec-diff-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bundle(api: string): Json {
  return JSON.parse(readFileSync(new URL(`../generated/${api}.openapi.json`, import.meta.url), 'utf8')) as Json;
}

/** Writes the base bundle and an edited copy, and runs the gate on them. */
function gate(api: string, edit: (spec: Json) => void) {
  const name = expect.getState().currentTestName?.replace(/\W+/g, '-') ?? 'case';
  const base = join(work, `${name}.base.json`);
  const revision = join(work, `${name}.revision.json`);
  writeFileSync(base, JSON.stringify(bundle(api)));
  const edited = bundle(api);
  edit(edited);
  writeFileSync(revision, JSON.stringify(edited));
  return diffSpecs(base, revision);
}

// Each case spawns the Redocly CLI (about a second on this machine).
const timeout = 30_000;

describe('npm run diff: the breaking-change gate', () => {
  it('fails a new required request property without a major bump', { timeout }, () => {
    const result = gate('camunda', (spec) => spec['components'].schemas.UserRequest.required.push('name'));
    expect(result).toMatchObject({ bump: 'major', passed: false });
    expect(result.changes.join('\n')).toContain('required-properties-added');
  });

  it('fails a removed response property', { timeout }, () => {
    const result = gate('onezone', (spec) => {
      const info = spec['components'].schemas.UserProtectedInfo;
      delete info.properties.emails;
      info.required = info.required.filter((key: string) => key !== 'emails');
    });
    expect(result).toMatchObject({ bump: 'major', passed: false });
  });

  it('fails a removed operation', { timeout }, () => {
    const result = gate('onezone', (spec) => delete spec['paths']['/users/{id}'].delete);
    expect(result).toMatchObject({ bump: 'major', passed: false });
  });

  it('fails a narrowed enum in a request', { timeout }, () => {
    const result = gate('camunda', (spec) => {
      const order = spec['components'].schemas.UserSearchQuerySortRequest.properties.order;
      order.enum = order.enum.filter((value: string) => value !== 'desc');
    });
    expect(result).toMatchObject({ bump: 'major', passed: false });
  });

  it('fails a removed response', { timeout }, () => {
    const result = gate('camunda', (spec) => delete spec['paths']['/users'].post.responses['409']);
    expect(result).toMatchObject({ bump: 'major', passed: false });
  });

  it('passes a breaking change whose info.version has the next major', { timeout }, () => {
    const result = gate('camunda', (spec) => {
      spec['components'].schemas.UserRequest.required.push('name');
      spec['info'].version = '2.0.0';
    });
    expect(result).toMatchObject({ bump: 'major', passed: true });
  });

  it('passes a description-only change as a patch', { timeout }, () => {
    const result = gate('onezone', (spec) => (spec['paths']['/users'].get.description += ' Sorted by nothing in particular.'));
    expect(result).toMatchObject({ bump: 'patch', passed: true });
  });

  it('passes an additive change (a new optional request property) as a minor', { timeout }, () => {
    const result = gate('camunda', (spec) => (spec['components'].schemas.UserRequest.properties.nickname = { type: 'string' }));
    expect(result).toMatchObject({ bump: 'minor', passed: true });
  });

  it('passes an unchanged spec', { timeout }, () => {
    expect(gate('onezone', () => {})).toMatchObject({ bump: 'none', passed: true, changes: [] });
  });

  it('says it could not compare when the revision file is missing, rather than rating anything', { timeout }, () => {
    const base = join(work, 'not-a-spec.base.json');
    writeFileSync(base, JSON.stringify(bundle('camunda')));
    expect(() => diffSpecs(base, join(work, 'missing.json'))).toThrow(/could not compare not-a-spec\.base\.json and missing\.json/);
  });
});
