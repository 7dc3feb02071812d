/**
 * OpenAPI runtime expressions (`$request.body#/username`, `$response.header.Location`, …) with
 * Schemathesis's regex extension: `…#regex:<pattern>` takes capture group 1 of the value. An
 * expression may be a whole string (the value keeps its JSON type) or embedded in braces
 * (`users/{$response.body#/id}`), anywhere in a link's parameters or requestBody.
 */
import { readPointer } from '../spec/pointer.ts';

export interface ExpressionContext {
  readonly url: string;
  readonly method: string;
  readonly request: {
    readonly path: Readonly<Record<string, unknown>>;
    readonly query: Readonly<Record<string, unknown>>;
    readonly header: Readonly<Record<string, unknown>>;
    readonly body?: unknown;
  };
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    /** The response body as text (parsed when a `$response.body` expression needs it). */
    readonly text: string;
  };
}

export class ExpressionError extends Error {}

/** Evaluates one expression (it must start with `$`). */
export function evaluateExpression(expression: string, ctx: ExpressionContext): unknown {
  const regexAt = expression.indexOf('#regex:');
  const base = regexAt === -1 ? expression : expression.slice(0, regexAt);
  const value = evaluateBase(base, ctx);
  if (regexAt === -1) return value;
  const pattern = expression.slice(regexAt + '#regex:'.length);
  const match = new RegExp(pattern).exec(String(value));
  if (match === null || match[1] === undefined) throw new ExpressionError(`${expression}: ${JSON.stringify(value)} does not match`);
  return match[1];
}

function evaluateBase(expression: string, ctx: ExpressionContext): unknown {
  if (expression === '$url') return ctx.url;
  if (expression === '$method') return ctx.method;
  if (expression === '$statusCode') return ctx.response.status;
  const bodyMatch = /^\$(request|response)\.body(?:#(.*))?$/.exec(expression);
  if (bodyMatch) {
    const body = bodyMatch[1] === 'request' ? ctx.request.body : parse(ctx.response.text, expression);
    const value = bodyMatch[2] === undefined ? body : readPointer(body, bodyMatch[2]);
    if (value === undefined) throw new ExpressionError(`${expression}: nothing at that pointer`);
    return value;
  }
  const headerMatch = /^\$(request|response)\.header\.(.+)$/.exec(expression);
  if (headerMatch) {
    const name = headerMatch[2]!.toLowerCase();
    const headers = headerMatch[1] === 'request' ? ctx.request.header : ctx.response.headers;
    const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
    if (found === undefined) throw new ExpressionError(`${expression}: no such header`);
    return found[1];
  }
  const paramMatch = /^\$request\.(path|query)\.(.+)$/.exec(expression);
  if (paramMatch) {
    const source = paramMatch[1] === 'path' ? ctx.request.path : ctx.request.query;
    const value = source[paramMatch[2]!];
    if (value === undefined) throw new ExpressionError(`${expression}: no such parameter`);
    return value;
  }
  throw new ExpressionError(`unsupported runtime expression ${expression}`);
}

function parse(text: string, expression: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ExpressionError(`${expression}: the response body is not JSON`);
  }
}

/**
 * Resolves expressions anywhere in a link value: a string that is one expression becomes its
 * value, `{$…}` inside a string is replaced by its text; objects and arrays are walked. The
 * resolved expression values are reported to `seen` (what identifies the resource).
 */
export function resolveLinkValue(value: unknown, ctx: ExpressionContext, seen: unknown[] = []): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('$')) {
      const resolved = evaluateExpression(value, ctx);
      seen.push(resolved);
      return resolved;
    }
    return value.replace(/\{(\$[^}]+)\}/g, (_m, expression: string) => {
      const resolved = evaluateExpression(expression, ctx);
      seen.push(resolved);
      return String(resolved);
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolveLinkValue(v, ctx, seen));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveLinkValue(v, ctx, seen)]));
  }
  return value;
}
