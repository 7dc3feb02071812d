import { describe, expect, it } from 'vitest';
import { replaceGeneratedSection, SECTION_END, SECTION_START } from './readme-section.ts';

const readme = (inside: string) => `# Title\n\n## Performance\n\nProse.\n\n${SECTION_START}\n${inside}\n${SECTION_END}\n\nMore prose.\n\n## Layout\n`;

describe('replaceGeneratedSection', () => {
  it('replaces what is between the markers and nothing else', () => {
    expect(replaceGeneratedSection(readme('old figures\n\n| a |'), '\nnew figures\n')).toBe(readme('new figures'));
  });

  it('rewrites an older wording of the start marker', () => {
    const older = readme('old').replace(SECTION_START, '<!-- bench:start (generated) -->');
    expect(replaceGeneratedSection(older, 'new')).toBe(readme('new'));
  });

  it('is idempotent', () => {
    const once = replaceGeneratedSection(readme('old'), 'new');
    expect(replaceGeneratedSection(once, 'new')).toBe(once);
  });

  it('refuses a README without both markers, or with them repeated or swapped', () => {
    expect(() => replaceGeneratedSection('# Title\n', 'x')).toThrow(/no <!-- bench:start marker/);
    expect(() => replaceGeneratedSection(`${SECTION_START}\n`, 'x')).toThrow(/no <!-- bench:end --> marker/);
    expect(() => replaceGeneratedSection(readme('a') + readme('b'), 'x')).toThrow(/more than once/);
    expect(() => replaceGeneratedSection(`${SECTION_END}\n${SECTION_START}\n`, 'x')).toThrow(/comes before/);
  });
});
