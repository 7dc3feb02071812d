import { describe, expect, it } from 'vitest';
import { callgrindTotal, compilerJobInstructions } from './instructions.ts';

describe('callgrindTotal', () => {
  it('reads the instruction total of a dump, from its summary or totals line', () => {
    expect(callgrindTotal('version: 1\ncreator: callgrind-3.19.0\nevents: Ir\nsummary: 690809314\n\nfl=(1)\n')).toBe(690809314);
    expect(callgrindTotal('events: Ir Dr\nfn=(1) main\n16 3 1\ntotals: 1234 56\n')).toBe(1234);
  });

  it('refuses a dump without one', () => {
    expect(() => callgrindTotal('events: Ir\nfn=(1) main\n')).toThrow(/summary or totals/);
  });
});

describe('compilerJobInstructions', () => {
  // Lines as `callgrind_annotate --inclusive=yes` prints them (Node 20's V8, then Node 24's).
  const annotated = [
    '650,992,451 (100.0%)  PROGRAM TOTALS',
    '110,060,399 (16.91%)  ???:node::(anonymous namespace)::PlatformWorkerThread(void*) [/usr/bin/node]',
    '106,362,330 (16.34%)  ???:v8::internal::OptimizingCompileDispatcher::CompileTask::RunInternal() [/usr/bin/node]',
    '106,338,651 (16.33%)  ???:v8::internal::compiler::PipelineCompilationJob::ExecuteJobImpl(v8::internal::RuntimeCallStats*, v8::internal::LocalIsolate*) [/usr/bin/node]',
    ' 85,276,011 (13.10%)  ???:v8::internal::compiler::PipelineImpl::OptimizeGraph(v8::internal::compiler::Linkage*) [/usr/bin/node]',
    '  2,000,000 ( 0.31%)  ???:v8::internal::maglev::MaglevCompilationJob::ExecuteJobImpl(v8::internal::RuntimeCallStats*, v8::internal::LocalIsolate*) [/usr/bin/node]',
    '  1,000,000 ( 0.15%)  ???:v8::internal::compiler::PipelineCompilationJob::FinalizeJobImpl(v8::internal::Isolate*) [/usr/bin/node]',
  ].join('\n');

  it("sums the jobs' own entries, not what calls them or what they call, nor their finalisation", () => {
    expect(compilerJobInstructions(annotated)).toBe(106_338_651 + 2_000_000);
  });

  it('is 0 when no job ran in the window', () => {
    expect(compilerJobInstructions('558,010,139 (100.0%)  PROGRAM TOTALS\n 1,000 ( 0.00%)  ???:main [/usr/bin/node]')).toBe(0);
  });
});
