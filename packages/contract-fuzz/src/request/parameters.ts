/** Parameter values as the server reads them: strings coerced per schema type (OpenAPI form/simple styles). */
import { flatten, typesOf } from '../schema/flatten.ts';
import type { SchemaContext } from '../schema/positive.ts';
import type { ParameterModel } from '../spec/operations.ts';

const numeric = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value a server makes of a parameter's text before validating it (mirrors the runtime's coercion). */
export function coerceParameter(ctx: SchemaContext, parameter: ParameterModel, text: string): unknown {
  const schema = flatten(ctx.document, parameter.schema);
  const types = typesOf(schema);
  if (types.includes('array')) {
    const items = flatten(ctx.document, schema['items']);
    return (text === '' ? [] : text.split(',')).map((part) => coerceScalar(typesOf(items), part));
  }
  return coerceScalar(types, text);
}

function coerceScalar(types: readonly string[], text: string): unknown {
  if (types.includes('integer') && !types.includes('number')) {
    if (!numeric.test(text)) return text;
    const value = Number(text);
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : text;
  }
  if (types.includes('number')) return numeric.test(text) ? Number(text) : text;
  if (types.includes('boolean')) return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/** Whether a text can be sent at all in that location (an empty or dot segment changes the route). */
export function sendable(parameter: ParameterModel, text: string): boolean {
  if (parameter.in === 'path') return text !== '' && text !== '.' && text !== '..';
  if (parameter.in === 'header') return /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(text);
  return true;
}
