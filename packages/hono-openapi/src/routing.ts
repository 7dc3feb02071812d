/**
 * Spec paths → Hono routes. One route per spec path for all methods, so that a known path with an
 * unknown method answers 405 with `Allow` even when the app is mounted in a parent app. Paths
 * that can match the same URL (`/users/search`, `/users/{userKey}`) share one route on the more
 * general template, which picks the concrete path first, as OpenAPI says: overlapping routes
 * would make Hono give up its RegExpRouter for the slower TrieRouter on every request.
 */

/** A spec path turned into a Hono route. */
export interface RoutePath {
  /** e.g. `/v2/users/:userKey`. */
  readonly route: string;
  /** Spec path parameter name → the Hono param name it is read from. */
  readonly aliases: ReadonlyMap<string, string>;
}

const templated = /^\{([^{}]+)\}$/;

/** Converts `/users/{userKey}` under `basePath` to a Hono route; parameters must fill whole segments. */
export function toRoutePath(basePath: string, specPath: string): RoutePath {
  const aliases = new Map<string, string>();
  const segments = specPath.split('/').map((segment, index) => {
    const match = templated.exec(segment);
    if (match === null) {
      if (segment.includes('{')) throw new Error(`OpenAPI: path ${specPath}: a parameter must fill a whole segment`);
      return segment;
    }
    const name = match[1] ?? '';
    // Hono param names are word characters; anything else gets a positional alias.
    const alias = /^[A-Za-z_]\w*$/.test(name) ? name : `p${index}`;
    aliases.set(name, alias);
    return `:${alias}`;
  });
  return { route: `${basePath}${segments.join('/')}`, aliases };
}

/** Sorts spec paths so that, segment by segment, a literal comes before a template; then shorter first, then spec order. */
export function concreteFirst(paths: readonly string[]): string[] {
  const rank = (path: string) => path.split('/').map((segment) => (segment.startsWith('{') ? 1 : 0));
  return paths
    .map((path, index) => ({ path, index, rank: rank(path) }))
    .sort((a, b) => {
      const length = Math.min(a.rank.length, b.rank.length);
      for (let i = 0; i < length; i += 1) {
        const diff = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
        if (diff !== 0) return diff;
      }
      return a.rank.length - b.rank.length || a.index - b.index;
    })
    .map((entry) => entry.path);
}

/** The path part of the first server URL (`http://localhost:8080/v2` → `/v2`), without a trailing slash. */
export function basePathFromServers(servers: readonly { url: string; variables?: Readonly<Record<string, { default: string }>> }[] | undefined): string {
  const server = servers?.[0];
  if (server === undefined) return '';
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? '');
  const path = new URL(url, 'http://placeholder').pathname;
  return path === '/' ? '' : path.replace(/\/+$/, '');
}

const isTemplate = (segment: string) => segment.startsWith('{');

/** Whether two spec paths can match the same URL. */
export function overlaps(a: string, b: string): boolean {
  const as = a.split('/');
  const bs = b.split('/');
  return as.length === bs.length && as.every((s, i) => s === bs[i] || isTemplate(s) || isTemplate(bs[i] ?? ''));
}

/** Whether every URL `specific` matches is matched by `general` too. */
export function covers(general: string, specific: string): boolean {
  const gs = general.split('/');
  const ss = specific.split('/');
  return gs.length === ss.length && gs.every((s, i) => s === ss[i] || isTemplate(s));
}

/** Groups spec paths (in the given order) whose URLs can overlap, transitively. */
export function overlapGroups(paths: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (const path of paths) {
    const joined = groups.filter((group) => group.some((other) => overlaps(path, other)));
    const merged = [...joined.flat(), path];
    for (const group of joined) groups.splice(groups.indexOf(group), 1);
    groups.push(paths.filter((p) => merged.includes(p)));
  }
  return groups;
}
