/**
 * Reads the README's Quick start as a reader would: the shell blocks of the section, their
 * commands (comments dropped, `\` continuations joined), split into words as sh would split them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './apis.ts';

/** One command of a shell block, still as text, and its words. */
export interface ShellCommand {
  text: string;
  /** Leading `NAME=value` assignments. */
  env: Record<string, string>;
  /** The words after the assignments: `['curl', '-s', …]`. */
  argv: string[];
}

/** The `sh` code blocks of the README section headed `## <heading>`, in order. */
export function readmeShellBlocks(heading = 'Quick start', readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')): string[] {
  const start = readme.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const rest = readme.slice(start + 3);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```(?:sh|bash|shell)\s*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
}

/** The commands of a shell block: comments dropped, continuation lines joined. */
export function shellCommands(block: string): string[] {
  return block
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** Splits a command into words as sh would (quotes, backslashes), and separates leading assignments. */
export function parseCommand(text: string): ShellCommand {
  const words = splitWords(text);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split('=');
    env[name!] = value.join('=');
  }
  return { text, env, argv: words.slice(i) };
}

function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) throw new Error(`unterminated ' in: ${text}`);
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (ch === '"') {
      word ??= '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && /["\\$`]/.test(text[i + 1] ?? '')) i++;
        word += text[i];
      }
      if (i >= text.length) throw new Error(`unterminated " in: ${text}`);
    } else if (ch === '\\') {
      word = (word ?? '') + (text[++i] ?? '');
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
