/**
 * `npm run build` (also run by `npm install` through `prepare`): bundles the compiler with esbuild
 * into dist/, so that a build does not pay for the TypeScript loader. tsx sends every module load
 * of a process through loader hooks on another thread: about 0.35 s per process, and as much again
 * per render worker and image child.
 *
 * dist/ holds one folder per build of the sources (the CLI, the render worker, the image child and
 * the themes' templates; packages stay external and load natively, but for the render worker,
 * which carries its own) and `current.json`, which records the sha256 of every file it was built
 * from (the exact bytes esbuild compiled, plus tsconfig.json, package.json, package-lock.json,
 * esbuild's version and this file). bin/polycourse.mjs uses dist/ only while every one of them
 * still has that content (`currentDist()`), and runs the sources through tsx otherwise: an edit is
 * never hidden by an old build, and `npm run build` makes it fast again. POLYCOURSE_DIST=0 turns it
 * off.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const distRoot = path.join(root, 'dist');
const stateFile = path.join(distRoot, 'current.json');
const selfRel = 'bin/build-dist.mjs';
const format = 1;
/** Bundle entry points: name → source. Theme templates are added per theme folder. */
const entries = {
  main: 'cli/main.ts',
  'render-worker': 'compiler/pipeline/render-worker.ts',
  'image-child': 'compiler/images/image-child.ts',
};
/** Files that change how the sources compile without being imported. */
const configFiles = [
  'tsconfig.json',
  'package.json',
  // the render worker bundles its packages: another version of any of them is another build
  'package-lock.json',
  'node_modules/esbuild/package.json',
  selfRel,
];
/** Code that only runs through tsx (the CMS loads its own TypeScript config): never bundled. */
const tsxOnly = [path.join(root, 'cms') + path.sep];

const hashOf = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** The built dist/ folder when every input still has the recorded content, else undefined. */
export function currentDist() {
  if (process.env.POLYCOURSE_DIST === '0') return undefined;
  let state;
  try {
    state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (state?.format !== format || !state.inputs || !state.dir) return undefined;
  for (const [rel, sha] of Object.entries(state.inputs)) {
    let data;
    try {
      data = fs.readFileSync(path.join(root, rel));
    } catch {
      return undefined;
    }
    if (hashOf(data) !== sha) return undefined;
  }
  const dir = path.join(distRoot, state.dir);
  return fs.existsSync(path.join(dir, 'main.mjs')) ? dir : undefined;
}

/** Bundle the sources into a new folder of dist/ and make it current. */
export async function buildDist() {
  const esbuild = await import('esbuild');
  const inputs = {};
  for (const rel of configFiles) inputs[rel] = hashOf(fs.readFileSync(path.join(root, rel)));
  const points = Object.fromEntries(
    Object.entries(entries).map(([name, rel]) => [name, path.join(root, rel)]),
  );
  const templates = {};
  const themesDir = path.join(root, 'themes');
  for (const theme of fs.existsSync(themesDir) ? fs.readdirSync(themesDir).sort() : []) {
    const rel = `themes/${theme}/templates.ts`;
    if (!fs.existsSync(path.join(root, rel))) continue;
    points[`themes/${theme}/templates`] = path.join(root, rel);
    templates[rel] = `themes/${theme}/templates.mjs`; // where load-theme.ts looks
  }
  const plugin = {
    name: 'polycourse-dist',
    setup(build) {
      build.onResolve({ filter: /^\.{1,2}\// }, (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        // Reached only by commands the built CLI is not used for (bin/polycourse.mjs); left to tsx.
        if (tsxOnly.some((dir) => file.startsWith(dir)))
          return { path: pathToFileURL(file).href, external: true };
        return undefined;
      });
      build.onLoad({ filter: /\.(m?ts|m?js|json)$/ }, (args) => {
        const rel = path.relative(root, args.path).split(path.sep).join('/');
        if (rel.startsWith('..') || rel.startsWith('node_modules/')) return undefined;
        const data = fs.readFileSync(args.path);
        inputs[rel] = hashOf(data);
        const ext = path.extname(args.path).slice(1);
        // import.meta.url keeps naming the source file: paths computed from it (themes, the
        // runtime's sources) stay the same as under tsx. entry-point.ts alone asks where the bundle
        // is.
        const text = data.toString('utf8');
        const contents =
          rel === 'compiler/process/entry-point.ts'
            ? text
            : text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return {
          contents,
          loader: ext === 'json' ? 'json' : ext.endsWith('ts') ? 'ts' : 'js',
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
  fs.mkdirSync(distRoot, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(distRoot, 'tmp-'));
  const { 'render-worker': workerEntry, ...sharedPoints } = points;
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    keepNames: true,
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
    define: { POLYCOURSE_BUNDLED: 'true' },
    plugins: [plugin],
  };
  try {
    // The render worker carries its packages (the MDX stack) in one file: each worker thread then
    // loads one module instead of some 300, and on the benchmark corpus builds took ~5% less wall
    // and CPU time, with the same pages byte for byte (docs/benchmarks.md, #17). Packages whose
    // own files must stay beside them (sharp's native code) are left out.
    await esbuild.build({
      ...common,
      entryPoints: { 'render-worker': workerEntry },
      outdir: tmp,
      external: ['sharp'],
      minifyWhitespace: true,
      minifySyntax: true,
      banner: {
        js:
          '// Generated by bin/build-dist.mjs (npm run build) from the TypeScript sources and ' +
          "their packages; not edited by hand.\nimport { createRequire } from 'node:module';\n" +
          'const require = createRequire(import.meta.url);',
      },
    });
    await esbuild.build({
      ...common,
      entryPoints: sharedPoints,
      outdir: tmp,
      splitting: true,
      packages: 'external',
      banner: {
        js:
          '// Generated by bin/build-dist.mjs (npm run build) from the TypeScript sources; ' +
          'not edited by hand.',
      },
    });
    const sorted = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
    const name = `build-${hashOf(JSON.stringify(sorted)).slice(0, 16)}`;
    const dir = path.join(distRoot, name);
    try {
      fs.renameSync(tmp, dir);
    } catch (error) {
      // else another process built the same sources
      if (!fs.existsSync(path.join(dir, 'main.mjs'))) throw error;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    const stateTmp = `${stateFile}.${process.pid}.tmp`;
    fs.writeFileSync(stateTmp, JSON.stringify({ format, dir: name, inputs: sorted }));
    fs.renameSync(stateTmp, stateFile);
    // Older bundles: kept a while for processes still loading chunks from them.
    for (const entry of fs.readdirSync(distRoot)) {
      if (entry === name || entry === 'current.json' || entry.endsWith('.tmp')) continue;
      const old = path.join(distRoot, entry);
      if (Date.now() - fs.statSync(old).mtimeMs > 3_600_000)
        fs.rmSync(old, { recursive: true, force: true });
    }
    return { dir, inputs: Object.keys(sorted).length, themes: Object.keys(templates).length };
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await buildDist();
  console.log(
    `dist/${path.basename(built.dir)}: the CLI, render worker, image child and ` +
      `${built.themes} theme(s) from ${built.inputs} files in ${Date.now() - started} ms`,
  );
}
