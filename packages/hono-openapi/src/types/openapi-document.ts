/**
 * The parts of an OpenAPI 3.1 document the runtime reads. Deliberately loose (string where the spec
 * says enum): a bundled spec imported from JSON must be assignable without `as const`.
 */

/**
 * What `createOpenApiApp` accepts as `spec`: the bundled document as imported from JSON, or typed
 * as a plain record (`@repo/specs` exports `Record<string, unknown>`). Checked at start-up.
 */
export type OpenApiDocumentInput = { readonly openapi: string } | Readonly<Record<string, unknown>>;

export interface ReferenceObject {
  readonly $ref: string;
}

export interface ServerObject {
  readonly url: string;
  readonly variables?: Readonly<Record<string, { readonly default: string }>>;
}

export interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie' | (string & {});
  readonly required?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly schema?: SchemaObject;
  readonly content?: unknown;
}

export interface MediaTypeObject {
  readonly schema?: SchemaObject;
}

export interface RequestBodyObject {
  readonly required?: boolean;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

export interface HeaderObject {
  readonly required?: boolean;
  readonly schema?: SchemaObject;
}

export interface ResponseObject {
  readonly description?: string;
  readonly headers?: Readonly<Record<string, HeaderObject | ReferenceObject>>;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

/** A security requirement: scheme name → scopes. The requirements of a list are alternatives. */
export type SecurityRequirementObject = Readonly<Record<string, readonly string[]>>;

export interface OperationObject {
  readonly operationId?: string;
  readonly parameters?: readonly (ParameterObject | ReferenceObject)[];
  readonly requestBody?: RequestBodyObject | ReferenceObject;
  readonly responses?: Readonly<Record<string, ResponseObject | ReferenceObject>>;
  readonly security?: readonly SecurityRequirementObject[];
  readonly [extension: `x-${string}`]: unknown;
}

export interface SecuritySchemeObject {
  readonly type: string;
  readonly scheme?: string;
  readonly in?: string;
  readonly name?: string;
}

/** JSON Schema (2020-12) as used by OpenAPI 3.1: only what the runtime inspects is named. */
export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly items?: SchemaObject;
  readonly [keyword: string]: unknown;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info?: { readonly title?: string };
  readonly servers?: readonly ServerObject[];
  readonly paths?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: {
    readonly securitySchemes?: Readonly<Record<string, SecuritySchemeObject | ReferenceObject>>;
    readonly [section: string]: unknown;
  };
  readonly security?: readonly SecurityRequirementObject[];
}

/** The eight HTTP methods an OpenAPI path item can hold, as the spec spells them. */
export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** An OpenAPI path-item method. */
export type HttpMethod = (typeof httpMethods)[number];
