/**
 * Every rule a diagnostic can carry has its section in docs/rules.md, the page each diagnostic
 * links to (`see: docs/rules.md#<rule>`), and every section there names a rule the code still
 * raises. The rule ids are read from the places diagnostics are made, by the shapes those places
 * are written in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { docsLink } from '../../compiler/model/diagnostic.ts';

const root = path.join(import.meta.dirname, '../..');
const sources = execFileSync('git', ['ls-files', 'compiler', 'cms', 'cli'], { cwd: root })
  .toString()
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith('payload-types.ts'))
  .filter((f) => fs.existsSync(path.join(root, f)));

/** [file pattern, how a rule id is written there, prefix the code adds] */
const shapes: [RegExp, RegExp, string][] = [
  // a whole id in a string: ruleId: 'polycourse:missing-body'
  [/./, /['"`]polycourse:([a-z0-9]+(?:-[a-z0-9]+)*)['"`]/g, ''],
  // named inside a message: … was not saved [polycourse:mdx-check-timeout]
  [/./, /\[polycourse:([a-z0-9]+(?:-[a-z0-9]+)*)\]/g, ''],
  // the body plugins: reportProblem(file, node, { rule: 'unknown-term', … })
  [/^compiler\/mdx\//, /\brule: ([^\n]+)/g, ''],
  // the body limits: [reason, 'mdx-too-deep', fix]
  [/check-body-bounds\.ts$/, /'(mdx-too-[a-z]+)'/g, ''],
  // the course model's checks: error(path, 'answer-key', message, fix)
  [/validate-course\.ts$/, /\berror\(\s*[^,]+,\s*'([a-z0-9-]+)'/g, ''],
  // import refusals: refusal('import-placeholder', …)
  [/import-translations\.ts$/, /\brefusal\(\s*'([a-z0-9-]+)'/g, ''],
  // bundle checks: problem(path, 'sha256', …) → bundle-sha256
  [/verify-bundle\.ts$/, /\bproblem\(\s*[^,]+,\s*'([a-z0-9]+)'/g, 'bundle-'],
];

function rulesInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const [where, shape, prefix] of shapes) {
      if (!where.test(file)) continue;
      for (const match of text.matchAll(shape)) {
        const ids = shape.source.startsWith('\\brule: ')
          ? [...match[1].matchAll(/(?<!=== )'([a-z0-9]+(?:-[a-z0-9]+)*)'/g)].map((m) => m[1])
          : [match[1]];
        for (const id of ids) if (!found.has(prefix + id)) found.set(prefix + id, file);
      }
    }
  }
  return found;
}

const docs = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
const sections = new Set([...docs.matchAll(/^### `([a-z0-9-]+)`/gm)].map((m) => m[1]));

describe('docs/rules.md', () => {
  const inCode = rulesInCode();

  it('finds the rules the code raises (the scan itself works)', () => {
    for (const id of ['mdx-syntax', 'unknown-term', 'mdx-too-deep', 'answer-key', 'bundle-sha256'])
      expect([...inCode.keys()]).toContain(id);
    expect(inCode.size).toBeGreaterThan(50);
  });

  it('has a section for every rule a diagnostic can carry', () => {
    const missing = [...inCode]
      .filter(([id]) => !sections.has(id))
      .map(([id, f]) => `${id} (${f})`);
    expect(missing, 'add a "### `<rule>`" section to docs/rules.md for each').toEqual([]);
  });

  it('has no section for a rule the code no longer raises', () => {
    expect([...sections].filter((id) => !inCode.has(id))).toEqual([]);
  });

  it('is what every diagnostic links to', () => {
    expect(docsLink('polycourse:mdx-syntax')).toBe('docs/rules.md#mdx-syntax');
    // GitHub and most Markdown renderers make `### \`mdx-syntax\`` the anchor #mdx-syntax.
    expect(sections.has('mdx-syntax')).toBe(true);
  });
});
