/** Media-type helpers shared by request and response handling. */

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeEssence(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** The `charset` parameter of a Content-Type (`"UTF-8"` unquoted), or undefined when there is none. */
export function mediaTypeCharset(contentType: string): string | undefined {
  let semicolon = contentType.indexOf(';');
  while (semicolon !== -1) {
    const next = contentType.indexOf(';', semicolon + 1);
    const parameter = contentType.slice(semicolon + 1, next === -1 ? undefined : next);
    const eq = parameter.indexOf('=');
    if (eq !== -1 && parameter.slice(0, eq).trim().toLowerCase() === 'charset') {
      const value = parameter.slice(eq + 1).trim();
      return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
    }
    semicolon = next;
  }
  return undefined;
}

/** `application/json` and the structured-syntax `+json` types (`application/problem+json`). */
export function isJsonMediaType(essence: string): boolean {
  return essence === 'application/json' || essence.endsWith('+json');
}

/** How a response body of one media type is written, worked out once per declared media type. */
export interface BodyMediaType {
  /** Lower-cased, without parameters: what response validation looks up. */
  readonly essence: string;
  /** JSON types are stringified; a body of any other type passes through as a string or bytes. */
  readonly json: boolean;
  /** The Content-Type sent: `text/*` without a charset gets UTF-8, as Hono's `c.text()` does. */
  readonly contentType: string;
}

/** The {@link BodyMediaType} of `mediaType` (as declared, or as a handler named it). */
export function bodyMediaType(mediaType: string): BodyMediaType {
  const essence = mediaTypeEssence(mediaType);
  const contentType = mediaType.startsWith('text/') && !mediaType.includes('charset') ? `${mediaType}; charset=UTF-8` : mediaType;
  return { essence, json: isJsonMediaType(essence), contentType };
}

/** Picks the declared media type a concrete one falls under: exact, then `type/*`, then `*\/*`. */
export function matchMediaType(essence: string, declared: ReadonlyMap<string, unknown>): string | undefined {
  if (declared.has(essence)) return essence;
  const wildcard = `${essence.slice(0, essence.indexOf('/'))}/*`;
  if (declared.has(wildcard)) return wildcard;
  return declared.has('*/*') ? '*/*' : undefined;
}
