/**
 * The type-level half of the runtime: from openapi-typescript's `paths`, what a handler receives
 * and the exact set of responses it may return. Nothing here restates the spec; every type is
 * computed from the generated one.
 */
import type { Context } from 'hono';
import type { HttpMethod } from './openapi-document.ts';
import type { AnyStatus, StatusClasses } from './status-codes.ts';

/** The operation object a request was routed to, for generic checks such as Onezone's `x-privileges`. */
export interface OperationInfo {
  readonly method: HttpMethod;
  /** The spec's path template, e.g. `/users/{userKey}`. */
  readonly path: string;
  readonly operationId: string | undefined;
  /** The operation's `x-*` vendor extensions, e.g. `{ 'x-privileges': ['oz_users_create'] }`. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** The whole operation object, as in the bundled spec. */
  readonly operation: Readonly<Record<string, unknown>>;
}

/** Context variables the runtime sets (`c.get('requestId')`, …). */
export interface OpenApiVariables<Principal> {
  requestId: string;
  principal: Principal | undefined;
  operation: OperationInfo;
}

/** The Hono env of the runtime's app. */
export interface OpenApiEnv<Principal> {
  Variables: OpenApiVariables<Principal>;
}

/** Spec paths (keys of `Paths`) that declare method `M`. */
export type PathsWithMethod<Paths, M extends HttpMethod> = {
  [P in keyof Paths]-?: Paths[P] extends { [K in M]: unknown } ? P : never;
}[keyof Paths] &
  string;

/** The generated operation type at `Paths[P][M]`. */
export type OperationAt<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends { [K in M]: infer Op }
  ? Op
  : never;

type Defined<T> = Exclude<T, undefined>;

/** The input type of a location in which the operation declares no parameters. */
export type NoParameters = Record<string, never>;

type OrNoParameters<T> = [T] extends [never] ? NoParameters : T;

/** Validated and coerced parameters of one location (`path`, `query`, `header`). */
export type ParametersOf<Op, L extends 'path' | 'query' | 'header'> = Op extends { parameters: infer Ps }
  ? L extends keyof Ps
    ? OrNoParameters<Defined<Ps[L]>>
    : NoParameters
  : NoParameters;

type ContentBody<C> = C[keyof C];

/** The parsed, validated request body; `| undefined` when the body is optional, `undefined` when there is none. */
export type RequestBodyOf<Op> = Op extends { requestBody: { content: infer C } }
  ? ContentBody<C>
  : Op extends { requestBody?: infer RB }
    ? [Defined<RB>] extends [never]
      ? undefined
      : Defined<RB> extends { content: infer C }
        ? ContentBody<C> | undefined
        : undefined
    : undefined;

/** What a handler receives: typed from the generated operation, already validated. */
export interface HandlerRequest<Op, Principal> {
  readonly params: ParametersOf<Op, 'path'>;
  readonly query: ParametersOf<Op, 'query'>;
  readonly headers: ParametersOf<Op, 'header'>;
  readonly body: RequestBodyOf<Op>;
  /** The verifier's principal; undefined on operations without security (`security: []`, or `{}` among the alternatives). */
  readonly principal: Principal | undefined;
  readonly requestId: string;
  readonly operation: OperationInfo;
}

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;

/** Numeric keys of the responses object (openapi-typescript writes `201:`; tolerate `"201":` too). */
type ExplicitStatus<R> = {
  [K in keyof R]-?: K extends number ? K : K extends `${infer N extends number}` ? N : never;
}[keyof R];

type RangeDigit<K> = K extends `${infer D extends keyof StatusClasses}XX` ? D : never;
type RangeStatus<R> = StatusClasses[RangeDigit<keyof R>];

/** Concrete statuses a response key stands for: `201` → 201; `4XX` → 4xx codes not declared explicitly; `default` → the rest. */
type StatusOfKey<K, R> = K extends number
  ? K
  : K extends `${infer N extends number}`
    ? N
    : K extends `${infer D extends keyof StatusClasses}XX`
      ? Exclude<StatusClasses[D], ExplicitStatus<R>>
      : K extends 'default'
        ? Exclude<AnyStatus, ExplicitStatus<R> | RangeStatus<R>>
        : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Declared headers without openapi-typescript's `[name: string]: unknown` index signature. */
type KnownHeaders<Res> = Res extends { headers: infer H }
  ? { [K in keyof H as string extends K ? never : number extends K ? never : K]: H[K] }
  : {};

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** A response header value; numbers and booleans are sent as strings. */
export type ResponseHeaderValue = string | number | boolean;

/** Declared headers (required ones required) plus any others the handler wants to send. */
export type ResponseHeaders<H> = H & { readonly [name: string]: ResponseHeaderValue | undefined };

type HeadersField<Res> = [RequiredKeys<KnownHeaders<Res>>] extends [never]
  ? { headers?: ResponseHeaders<KnownHeaders<Res>> }
  : { headers: ResponseHeaders<KnownHeaders<Res>> };

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

type ContentTypeField<CT, All> = true extends IsUnion<All> ? { contentType: CT } : { contentType?: CT };

type BodyVariants<S, C, Res> = {
  [CT in keyof C]-?: Simplify<{ status: S; body: C[CT] } & ContentTypeField<CT, keyof C> & HeadersField<Res>>;
}[keyof C];

type NoBodyVariant<S, Res> = Simplify<{ status: S; body?: undefined; contentType?: undefined } & HeadersField<Res>>;

type ResponseVariants<S, Res> = [S] extends [never]
  ? never
  : Res extends { content: infer C }
    ? [keyof C] extends [never]
      ? NoBodyVariant<S, Res>
      : BodyVariants<S, C, Res>
    : NoBodyVariant<S, Res>;

/**
 * Every response the operation declares, as a union discriminated by `status` (and `contentType`
 * where a status has several media types). A handler must return one of these.
 */
export type HandlerResponse<Op> = {
  [K in keyof ResponsesOf<Op>]-?: ResponseVariants<StatusOfKey<K, ResponsesOf<Op>>, ResponsesOf<Op>[K]>;
}[keyof ResponsesOf<Op>];

/** A handler for operation `Op`. */
export type Handler<Op, Principal> = (
  req: HandlerRequest<Op, Principal>,
  c: Context<OpenApiEnv<Principal>>,
) => HandlerResponse<Op> | Promise<HandlerResponse<Op>>;
