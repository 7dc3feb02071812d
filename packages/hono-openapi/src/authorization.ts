/**
 * Authorization from the spec: each operation names what a caller needs in a vendor extension
 * (Onezone's `x-privileges`, Camunda's `x-permissions`); the app says who holds it. Read and
 * checked once at start-up, so a typo in the spec fails the server instead of opening an operation.
 */
import type { CompiledSecurity } from './security.ts';
import type { OperationInfo } from './types/handler-types.ts';

/** The `authorization` option of `createOpenApiApp`. */
export interface Authorization<Principal> {
  /**
   * The operation-level vendor extension listing what a caller needs, e.g. `x-privileges`. Where it
   * is present it must be an array of strings; where it is absent the operation needs nothing
   * beyond authentication.
   */
  readonly extension: string;
  /**
   * Whether `principal` may call `operation`, which lists `required` in the extension. Runs right
   * after authentication, before any parameter or body is validated; `false` answers `forbidden`.
   */
  allows(principal: Principal, required: readonly string[], operation: OperationInfo): boolean;
}

/**
 * What `info` requires under `extension`: undefined when it declares nothing. Throws (the caller
 * names the operation) on a value that is not an array of strings, and on an operation that lets
 * anonymous callers in, since there would be nobody to ask `allows` about.
 */
export function requiredOf(extension: string, info: OperationInfo, security: CompiledSecurity | undefined): readonly string[] | undefined {
  const value = info.extensions[extension];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((entry): entry is string => typeof entry === 'string')) {
    throw new Error(`${extension} must be an array of strings, got ${JSON.stringify(value)}`);
  }
  if (security === undefined || security.alternatives.some((alternative) => alternative.length === 0)) {
    throw new Error(`${extension} is declared, but the operation's security lets anonymous callers in`);
  }
  return Object.freeze([...value]);
}

/** Throws when the extension name is not a vendor extension (`x-…`), which the spec could never hold. */
export function assertExtensionName(extension: string): void {
  if (!extension.startsWith('x-')) throw new Error(`createOpenApiApp: authorization.extension must start with "x-", got "${extension}"`);
}
