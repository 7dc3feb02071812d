/**
 * Stateful checks from the spec's OpenAPI links. After a 2xx answer whose declared response has
 * links, every link is followed: reads (GET, or a link that supplies a request body, like a
 * search) must find the resource, and updates (PUT, PATCH) must succeed on it
 * (ensure_resource_availability: 2xx); then deletes are followed and, if one answers 2xx, the reads
 * and updates again must not find it (use_after_free: 404 for a GET or an update, a search result
 * without the resource).
 */
import type { Judged, Verdict } from '../checks/verdict.ts';
import { buildRequest, type RequestValues } from '../request/build.ts';
import type { Planned } from '../request/planned.ts';
import { responseFor, type LinkModel, type OperationModel, type SpecModel } from '../spec/operations.ts';
import type { FuzzCredentials, RawResponse } from '../types.ts';
import { resolveLinkValue, type ExpressionContext } from './runtime-expression.ts';

export interface FollowEnv {
  readonly model: SpecModel;
  readonly baseUrl: string;
  readonly credentials: FuzzCredentials | undefined;
  /** Sends a request, records it and returns the response checks' judgements. */
  exchange(planned: Planned): Promise<{ readonly response: RawResponse; readonly judged: readonly Judged[] }>;
}

interface FollowedLink {
  readonly link: LinkModel;
  readonly target: OperationModel;
  readonly planned: Planned;
  /** Values the link took from the exchange: what identifies the resource. */
  readonly identity: readonly unknown[];
  readonly search: boolean;
}

/** Whether a link target reads the resource (and how), modifies it or deletes it. */
export function linkRole(target: OperationModel, link: LinkModel): 'read' | 'search' | 'update' | 'delete' | undefined {
  if (target.method === 'delete') return 'delete';
  if (target.method === 'get') return 'read';
  if (target.method === 'put' || target.method === 'patch') return 'update';
  return link.requestBody !== undefined ? 'search' : undefined;
}

/** Follows the links of one exchange; returns every judgement of the requests it sent, stateful checks included. */
export async function followLinks(env: FollowEnv, source: OperationModel, planned: Planned, response: RawResponse): Promise<Judged[]> {
  if (response.status < 200 || response.status >= 300) return [];
  const declared = responseFor(source, response.status);
  if (declared === undefined || declared.links.length === 0) return [];
  const ctx: ExpressionContext = {
    url: planned.generated.request.url,
    method: planned.generated.request.method,
    request: planned.values,
    response: { status: response.status, headers: response.headers, text: response.text },
  };
  const verdicts: Judged[] = [];
  const judge = (verdict: Verdict, on: Planned, answer: RawResponse): void => {
    verdicts.push({ verdict, planned: on, response: answer });
  };
  const reads: FollowedLink[] = [];
  const updates: FollowedLink[] = [];
  const deletes: FollowedLink[] = [];
  for (const link of declared.links) {
    const target = env.model.operations.find((o) => o.operationId === link.operationId);
    const role = target === undefined ? undefined : linkRole(target, link);
    if (target === undefined || role === undefined) continue;
    const check = role === 'delete' ? 'use_after_free' : 'ensure_resource_availability';
    try {
      const followed = prepare(env, source, response.status, link, target, ctx, role === 'search');
      (role === 'delete' ? deletes : role === 'update' ? updates : reads).push(followed);
    } catch (error) {
      judge({ check, operationId: target.operationId, ok: false, message: `link ${link.name} of ${source.operationId} ${response.status} cannot be followed: ${(error as Error).message}` }, planned, response);
    }
  }
  for (const read of reads) {
    const { response: answer, judged: own } = await env.exchange(read.planned);
    verdicts.push(...own);
    const found = answer.status >= 200 && answer.status < 300 && (!read.search || contains(answer.text, read.identity));
    judge({
      check: 'ensure_resource_availability',
      operationId: read.target.operationId,
      ok: found,
      message: `after ${source.operationId} answered ${response.status}, link ${read.link.name} got ${answer.status}${read.search ? ' or a result without the resource' : ''}`,
    }, read.planned, answer);
  }
  for (const update of updates) {
    const { response: answer, judged: own } = await env.exchange(update.planned);
    verdicts.push(...own);
    judge({
      check: 'ensure_resource_availability',
      operationId: update.target.operationId,
      ok: answer.status >= 200 && answer.status < 300,
      message: `after ${source.operationId} answered ${response.status}, link ${update.link.name} (an update of the resource just created) got ${answer.status}; must be 2xx`,
    }, update.planned, answer);
  }
  for (const del of deletes) {
    const { response: answer, judged: own } = await env.exchange(del.planned);
    verdicts.push(...own);
    if (answer.status < 200 || answer.status >= 300) continue;
    for (const read of [...reads, ...updates]) {
      const retry: Planned = { ...read.planned, generated: { ...read.planned.generated, description: `${read.planned.generated.description}, after ${del.link.name}` } };
      const again = await env.exchange(retry);
      verdicts.push(...again.judged);
      const gone = read.search ? again.response.status >= 200 && again.response.status < 300 && !contains(again.response.text, read.identity) : again.response.status === 404;
      judge({
        check: 'use_after_free',
        operationId: read.target.operationId,
        ok: gone,
        message: `after link ${del.link.name} (${del.target.operationId}) answered ${answer.status}, link ${read.link.name} got ${again.response.status}${read.search ? ' with the resource still in the result' : '; must be 404'}`,
      }, retry, again.response);
    }
  }
  return verdicts;
}

function prepare(env: FollowEnv, source: OperationModel, status: number, link: LinkModel, target: OperationModel, ctx: ExpressionContext, search: boolean): FollowedLink {
  const identity: unknown[] = [];
  const values: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown>; body?: unknown } = { path: {}, query: {}, header: {} };
  for (const [key, raw] of Object.entries(link.parameters)) {
    const qualified = /^(path|query|header)\.(.+)$/.exec(key);
    const parameter = target.parameters.find((p) => (qualified ? p.in === qualified[1] && p.name === qualified[2] : p.name === key));
    if (parameter === undefined) throw new Error(`${target.operationId} has no parameter ${key}`);
    values[parameter.in][parameter.name] = resolveLinkValue(raw, ctx, identity);
  }
  for (const parameter of target.parameters) {
    if (parameter.required && values[parameter.in][parameter.name] === undefined) throw new Error(`the link leaves required ${parameter.in} parameter ${parameter.name} unset`);
  }
  if (link.requestBody !== undefined) values.body = resolveLinkValue(link.requestBody, ctx, identity);
  const request = buildRequest(env.baseUrl, target, values as RequestValues, env.credentials);
  return {
    link,
    target,
    identity,
    search,
    planned: {
      generated: { operationId: target.operationId, class: 'stateful', description: `stateful: link ${link.name} from ${source.operationId} ${status}`, request },
      expectation: 'valid',
      values,
      authorised: env.credentials !== undefined,
    },
  };
}

/** Whether every primitive identity value occurs as a leaf of the JSON response. */
export function contains(text: string, identity: readonly unknown[]): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  const leaves = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    else leaves.add(JSON.stringify(v));
  };
  walk(body);
  return identity.filter((v) => typeof v === 'string' || typeof v === 'number').every((v) => leaves.has(JSON.stringify(v)));
}
