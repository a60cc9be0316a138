/**
 * Arrows point down (../shared/DESIGN.md, ../shared/STYLE.md): the CLI may import the CMS and the
 * compiler, the CMS may import the compiler (and the runtime's pure logic, runtime/logic), the
 * compiler imports neither, the learner runtime (browser code) imports nothing of the rest; inside
 * the compiler a folder imports only folders on a lower floor (or its own). Every relative import
 * and `new URL(…, import.meta.url)` of the project's own code is read and checked, so a new upward
 * arrow fails here with the rule it breaks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The compiler's floors, lowest first: a folder may import its own floor's folder or a lower one.
 */
const compilerFloors = [
  ['compiler/model', 'compiler/process', 'compiler/types'],
  ['compiler/sources', 'compiler/images'],
  ['compiler/mdx'],
  ['compiler/translation'],
  ['compiler/ui-strings'],
  ['compiler/render'],
  ['compiler/evaluation'],
  ['compiler/targets'],
  ['compiler/pipeline'],
];

/** Top-level areas: which others each may import. */
const areas: Record<string, string[]> = {
  cli: ['cli', 'cms', 'compiler', 'themes'],
  bin: ['bin', 'cli', 'compiler'],
  // The CMS's learner services score and count points with the runtime's pure logic
  // (runtime/logic, the same functions the bundle runs): only that folder of the runtime.
  cms: ['cms', 'compiler', 'runtime'],
  // The compiler bundles the learner runtime into every page (and reads its types); the runtime is
  // browser code and imports nothing of the rest.
  compiler: ['compiler', 'themes', 'runtime'],
  runtime: ['runtime'],
  themes: ['themes', 'compiler'],
  scripts: ['scripts', 'compiler', 'cms', 'cli', 'themes'],
};

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return (fs.readdirSync(full, { recursive: true }) as string[])
    .filter(
      (f) =>
        /\.(ts|tsx|mjs|js)$/.test(f) &&
        !f.includes('node_modules') &&
        !f.includes('.next') &&
        !f.includes('migrations'),
    )
    .map((f) => path.join(dir, f));
}

/** Project-relative targets of the relative imports in `file`. */
function importsOf(file: string): { target: string; line: number }[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const out: { target: string; line: number }[] = [];
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)'(\.{1,2}\/[^']*)'/g;
  for (const m of text.matchAll(pattern)) {
    const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), m[1]));
    out.push({ target, line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

const areaOf = (p: string) => p.split(path.sep)[0];
const folderOf = (p: string) =>
  compilerFloors.flat().find((dir) => p === dir || p.startsWith(`${dir}/`));
const floorOf = (p: string) =>
  compilerFloors.findIndex((floor) => floor.includes(folderOf(p) ?? ''));

function violations(): string[] {
  const out: string[] = [];
  for (const area of Object.keys(areas)) {
    for (const file of sourceFiles(area)) {
      for (const { target, line } of importsOf(file)) {
        const where = `${file}:${line} → ${target}`;
        const to = areaOf(target);
        if (!areas[area].includes(to) && to in areas) {
          out.push(
            `${where}: ${area}/ may not import ${to}/ (arrows point down: cli → cms → compiler)`,
          );
          continue;
        }
        if (area === 'cms' && to === 'runtime' && !target.startsWith('runtime/logic/')) {
          out.push(`${where}: cms/ may import only runtime/logic/ of the runtime (pure functions)`);
          continue;
        }
        if (area === 'compiler' && to === 'compiler') {
          const [from, into] = [floorOf(file), floorOf(target)];
          if (from >= 0 && into > from)
            out.push(
              `${where}: ${folderOf(file)} may not import ${folderOf(target)}, a higher floor`,
            );
        }
      }
    }
  }
  return out;
}

describe('import direction', () => {
  it('no arrow points up', () => {
    expect(violations()).toEqual([]);
  });

  it('every compiler folder has a floor (a new folder must say where it stands)', () => {
    const folders = fs
      .readdirSync(path.join(root, 'compiler'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `compiler/${e.name}`);
    expect(folders.filter((f) => !compilerFloors.flat().includes(f))).toEqual([]);
  });

  it('the check sees an upward arrow (a compiler file importing the CMS)', () => {
    const probe = path.join(root, 'compiler/model/__probe-upward-import.ts');
    fs.writeFileSync(
      probe,
      "import '../../cms/payload.config.ts';\nimport '../pipeline/build-course.ts';\n",
    );
    try {
      expect(violations()).toEqual([
        'compiler/model/__probe-upward-import.ts:1 → cms/payload.config.ts: ' +
          'compiler/ may not import cms/ (arrows point down: cli → cms → compiler)',
        'compiler/model/__probe-upward-import.ts:2 → compiler/pipeline/build-course.ts: ' +
          'compiler/model may not import compiler/pipeline, a higher floor',
      ]);
    } finally {
      fs.rmSync(probe);
    }
  });
});
