/** Media-type helpers shared by request and response handling. */

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeEssence(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** `application/json` and the structured-syntax `+json` types (`application/problem+json`). */
export function isJsonMediaType(essence: string): boolean {
  return essence === 'application/json' || essence.endsWith('+json');
}

/** Picks the declared media type a concrete one falls under: exact, then `type/*`, then `*\/*`. */
export function matchMediaType(essence: string, declared: ReadonlyMap<string, unknown>): string | undefined {
  if (declared.has(essence)) return essence;
  const wildcard = `${essence.slice(0, essence.indexOf('/'))}/*`;
  if (declared.has(wildcard)) return wildcard;
  return declared.has('*/*') ? '*/*' : undefined;
}
