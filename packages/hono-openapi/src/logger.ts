/** The slice of a pino logger the runtime writes to. */
export interface RuntimeLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Used when the app passes no logger: one line per event on stderr, structured data as JSON. */
export const consoleLogger: RuntimeLogger = {
  warn: (obj, msg) => console.warn(`[hono-openapi] ${msg} ${safeJson(obj)}`),
  error: (obj, msg) => console.error(`[hono-openapi] ${msg} ${safeJson(obj)}`),
};

function safeJson(obj: object): string {
  try {
    return JSON.stringify(obj, (_key, value: unknown) =>
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
    );
  } catch {
    return String(obj);
  }
}
