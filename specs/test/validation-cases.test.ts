import { describe, expect, it } from 'vitest';
import { validationCases } from '../src/validation-cases.ts';
import { createSpecAjv } from './spec-ajv.ts';

const ajv = createSpecAjv();

describe('schemas against the api-facts table', () => {
  it.each(validationCases.map((c) => ({ ...c, label: `${c.api} ${c.schema}: ${c.name}` })))(
    '$label → valid: $valid',
    ({ api, schema, value, valid }) => {
      const validate = ajv.getSchema(`${api}#/components/schemas/${schema}`);
      expect(validate, `${schema} is not a component of the ${api} spec`).toBeDefined();
      expect(validate!(value)).toBe(valid);
    },
  );
});
