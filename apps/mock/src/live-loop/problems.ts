/** Turns tool output into the short lines the live loop shows. */

/**
 * tsc's `--pretty false` errors, one line each: `file:line:col TS1234 reason`. The reason is the
 * error's innermost (last) elaboration when it has one: for a handler that no longer fits its
 * spec, the first line names the whole handler type and only the last one says what differs
 * ("'userKey' does not exist in type '{ userId: number; }'").
 */
export function tscErrors(output: string): string[] {
  const errors: string[] = [];
  let reason: { at: string; message: string } | undefined;
  const flush = () => reason && errors.push(`${reason.at} ${reason.message}`);
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (match) {
      flush();
      reason = { at: `${match[1]}:${match[2]}:${match[3]} ${match[4]}`, message: match[5]! };
    } else if (reason && /^\s+\S/.test(line)) {
      reason.message = line.trim();
    }
  }
  flush();
  return errors;
}

/**
 * Redocly's `--format stylish` problems, one line each, with the file they are in:
 * `camunda/paths/users.yaml:12:5 error struct Property `x` is not expected here.`
 */
export function lintProblems(output: string): string[] {
  const problems: string[] = [];
  let file = '';
  for (const raw of output.split('\n')) {
    const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
    const problem = /^\s+(\d+:\d+)\s+(error|warning)\s+(\S+)\s+(.*)$/.exec(line);
    if (problem) {
      problems.push(`${file}:${problem[1]} ${problem[2]} ${problem[3]} ${problem[4]!.trim()}`);
      continue;
    }
    const heading = /^(\S.*\.(?:ya?ml|json)):?$/.exec(line.trim());
    if (heading) file = heading[1]!;
  }
  return problems;
}

/** The last `count` non-empty lines of a failed command's output, when it has no parsable problems. */
export function tail(output: string, count = 8): string[] {
  return output
    .split('\n')
    .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(-count);
}
