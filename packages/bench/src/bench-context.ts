import type { ProfileShape } from './cpu-profile.ts';
import type { InstructionShape } from './instructions.ts';
import type { LoadShape } from './load.ts';
import { startServer, type RunningServer, type ServerLaunch } from './server-process.ts';

/** Start-up time and memory of one process started during the run. */
export interface ProcessFigures {
  name: string;
  /** What it was started for, e.g. `validated POST`. */
  section: string;
  startupMs: number;
  idleRssBytes: number;
  peakRssBytes: number;
}

/** What every section of the run shares. */
export interface BenchContext {
  /** Reads and the validated POST. */
  shape: LoadShape;
  /** Creates: each one costs an argon2id hash, so fewer in flight. */
  createShape: LoadShape;
  /** The core the servers (and the raw hashing) are pinned to; the load generator has another. */
  serverCore: string;
  loadCore: string;
  /** Time a server is left alone after its first answer before its idle memory is read. */
  settleMs: number;
  /** Filled by {@link withServer}, in start order. */
  processes: ProcessFigures[];
  /** A scratch folder for the run (data directories, route files), removed at the end. */
  tempDir: string;
  /** Printed with the results: failed requests, skipped sections. */
  warnings: string[];
  /** Count the validated POST's instructions per request under callgrind; undefined: not counted. */
  instructions?: InstructionShape;
  /** Profile the validated POST's frameworks with V8's CPU profiler; undefined: not profiled. */
  profile?: ProfileShape;
}

/**
 * Starts every launch on the server core, one after the other (so that each start-up is timed
 * alone), runs `body` with them all, then stops them and records each one's start-up and memory.
 */
export async function withServers<T>(context: BenchContext, section: string, launches: readonly ServerLaunch[], body: (servers: RunningServer[]) => Promise<T>): Promise<T> {
  const [first, ...rest] = launches;
  if (first === undefined) return body([]);
  return withServer(context, section, first, (server) => withServers(context, section, rest, (others) => body([server, ...others])));
}

/** Starts `launch` on the server core, records its start-up and memory, runs `body` with it and stops it. */
export async function withServer<T>(context: BenchContext, section: string, launch: ServerLaunch, body: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer(launch, context.serverCore, context.settleMs);
  // Recorded in start order; the peak is filled in at the stop.
  const figures: ProcessFigures = { name: server.name, section, startupMs: server.startupMs, idleRssBytes: server.idleRssBytes, peakRssBytes: Number.NaN };
  context.processes.push(figures);
  try {
    return await body(server);
  } finally {
    figures.peakRssBytes = (await server.stop()).peakRssBytes;
  }
}
