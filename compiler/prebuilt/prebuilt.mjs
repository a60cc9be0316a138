/**
 * A prebuilt copy of the compiler, so that a build does not pay for the TypeScript loader.
 *
 * tsx sends every module load of the process through loader hooks on another thread: about 0.35 s per
 * process, and as much again per render worker and image child. This module keeps an esbuild bundle of
 * the same sources (the CLI, the render worker, the image child and the themes' templates; packages stay
 * external and load natively) under node_modules/.cache/polycourse-cli/, and hands it out only when it
 * is up to date: the sha256 of every file it was built from (the exact bytes esbuild compiled, plus
 * tsconfig.json, package.json, esbuild's version and this file) matches the files on disk. Content, not
 * modification times: any edit is seen. When it is stale the main process rebuilds it (~0.3 s); workers
 * and children never build, they fall back to tsx. Anything unexpected: undefined, and the caller uses tsx.
 * POLYCOURSE_PREBUILT=0 turns it off.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = path.join(root, 'node_modules', '.cache', 'polycourse-cli');
const stateFile = path.join(cacheDir, 'current.json');
const selfRel = 'compiler/prebuilt/prebuilt.mjs';
const format = 1;
/** Bundle entry points: name → source. Theme templates are added per theme folder. */
const entries = {
  main: 'cli/main.ts',
  'render-worker': 'compiler/pipeline/render-worker.ts',
  'image-child': 'compiler/images/image-child.ts',
};
/** Files that change how the sources compile without being imported. */
const configFiles = ['tsconfig.json', 'package.json', 'node_modules/esbuild/package.json', selfRel];
/** Code that only runs through tsx (the CMS loads its own TypeScript config): never bundled. */
const tsxOnly = [path.join(root, 'cms') + path.sep];

const hashOf = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** The bundle's state when every input still has the recorded content, else undefined. */
function freshState() {
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
  const dir = path.join(cacheDir, state.dir);
  return fs.existsSync(path.join(dir, 'main.mjs')) ? { ...state, dir } : undefined;
}

async function buildBundle() {
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
    templates[rel] = `themes/${theme}/templates.mjs`;
  }
  const plugin = {
    name: 'polycourse-prebuilt',
    setup(build) {
      build.onResolve({ filter: /^\.{1,2}\// }, (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        // Reached only by commands the prebuilt CLI is not used for (bin/polycourse.mjs); left to tsx.
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
        // import.meta.url keeps naming the source file: paths computed from it (themes, the runtime's
        // sources, the worker entries) stay the same as under tsx.
        const contents = data
          .toString('utf8')
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return {
          contents,
          loader: ext === 'json' ? 'json' : ext.endsWith('ts') ? 'ts' : 'js',
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cacheDir, 'tmp-'));
  try {
    await esbuild.build({
      entryPoints: points,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      keepNames: true,
      outExtension: { '.js': '.mjs' },
      logLevel: 'silent',
      plugins: [plugin],
      banner: {
        js: '// Generated by compiler/prebuilt/prebuilt.mjs from the TypeScript sources; not edited by hand.',
      },
    });
    const sorted = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
    const name = `build-${hashOf(JSON.stringify(sorted)).slice(0, 16)}`;
    const dir = path.join(cacheDir, name);
    try {
      fs.renameSync(tmp, dir);
    } catch (error) {
      if (!fs.existsSync(path.join(dir, 'main.mjs'))) throw error; // else another process built the same sources
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    const stateTmp = `${stateFile}.${process.pid}.tmp`;
    fs.writeFileSync(stateTmp, JSON.stringify({ format, dir: name, inputs: sorted, templates }));
    fs.renameSync(stateTmp, stateFile);
    // Older bundles: kept a while for processes still loading chunks from them.
    for (const entry of fs.readdirSync(cacheDir)) {
      if (entry === name || entry === 'current.json' || entry.endsWith('.tmp')) continue;
      const old = path.join(cacheDir, entry);
      if (Date.now() - fs.statSync(old).mtimeMs > 3_600_000)
        fs.rmSync(old, { recursive: true, force: true });
    }
    return { format, dir, inputs: sorted, templates };
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

let tsxRegistered;
function registerTsx() {
  tsxRegistered ??= import('tsx/esm/api').then(({ register }) => {
    register();
  });
  return tsxRegistered;
}

/**
 * Load entry `name` ('main', 'render-worker', 'image-child') from an up-to-date bundle, building it first
 * when `build` is set. Also installs the hook the compiler uses to import a theme's templates.ts
 * (compiler/render/load-theme.ts): the bundled copy when there is one, else through tsx, registered then.
 */
export async function loadPrebuilt(name, { build = false } = {}) {
  if (process.env.POLYCOURSE_PREBUILT === '0') return undefined;
  try {
    const state = freshState() ?? (build ? await buildBundle() : undefined);
    if (!state) return undefined;
    const templates = new Map(
      Object.entries(state.templates ?? {}).map(([src, out]) => [
        path.join(root, src),
        path.join(state.dir, out),
      ]),
    );
    globalThis[Symbol.for('polycourse.prebuilt')] = {
      async importTs(file) {
        const bundled = templates.get(path.resolve(file));
        if (bundled) return import(pathToFileURL(bundled).href);
        await registerTsx();
        return import(pathToFileURL(file).href);
      },
    };
    return await import(pathToFileURL(path.join(state.dir, `${name}.mjs`)).href);
  } catch (error) {
    if (process.env.POLYCOURSE_DEBUG) console.error('polycourse: prebuilt bundle not used:', error);
    delete globalThis[Symbol.for('polycourse.prebuilt')];
    return undefined;
  }
}
