import { describe, expect, it } from 'vitest';
import { lintProblems, tail, tscErrors } from './problems.ts';

describe('tscErrors', () => {
  it("keeps one line per error, with the innermost reason", () => {
    const output = [
      "apps/camunda/src/routes/users/create-user.ts(14,7): error TS2322: Type '{ status: 201; }' is not assignable to type 'HandlerResponse'.",
      "  Type '201' is not assignable to type '202'.",
      'apps/camunda/src/routes/users/search-users.ts(9,3): error TS2339: Property \'fullName\' does not exist on type \'UserSearchFilter\'.',
    ].join('\n');
    expect(tscErrors(output)).toEqual([
      "apps/camunda/src/routes/users/create-user.ts:14:7 TS2322 Type '201' is not assignable to type '202'.",
      "apps/camunda/src/routes/users/search-users.ts:9:3 TS2339 Property 'fullName' does not exist on type 'UserSearchFilter'.",
    ]);
  });

  it('finds nothing in a clean run', () => {
    expect(tscErrors('')).toEqual([]);
  });
});

describe('lintProblems', () => {
  it("reads Redocly's stylish format, naming the file of each problem", () => {
    const output = [
      "validating camunda/openapi.yaml using lint rules for api 'camunda'...",
      'camunda/openapi.yaml:',
      '  3:3  error    struct  Property `bogus` is not expected here.',
      '',
      'camunda/openapi.yaml: validated in 130ms',
      'onezone/components/schemas/User.yaml:',
      '  \u001b[33m12:5\u001b[0m  warning  no-unused-components  Component is never used.',
    ].join('\n');
    expect(lintProblems(output)).toEqual([
      'camunda/openapi.yaml:3:3 error struct Property `bogus` is not expected here.',
      'onezone/components/schemas/User.yaml:12:5 warning no-unused-components Component is never used.',
    ]);
  });
});

describe('tail', () => {
  it('keeps the last non-empty lines without colours', () => {
    expect(tail('a\n\nb\n\u001b[31mc\u001b[0m\n', 2)).toEqual(['b', 'c']);
  });
});
