/**
 * Bundles the learner runtime and the service worker with esbuild (once per process, and kept
 * between processes in a content-checked cache), and writes each locale's copy: the runtime with
 * that locale's compiled UI strings and the course outline, and a service worker that lists the
 * locale's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { pickText, type Course } from '../model/course.ts';
import { courseOutline } from '../model/course-outline.ts';
import type { RuntimeData } from '../../runtime/browser/runtime-data.ts';
import { sha256 } from '../model/fingerprint.ts';
import { localeInfo } from '../model/locales.ts';
import type { OfflinePlan } from './static-bundle/offline-plan.ts';

const runtimeDir = fileURLToPath(new URL('../../runtime/', import.meta.url));
interface BundledRuntime {
  /** The core with the learner services' client (accounts, forum, leaderboard, sync). */
  runtime: string;
  /** The core without it, for bundles built without learner services: 15 KB less on each page. */
  runtimeWithoutServices: string;
  interactive: string;
  serviceWorker: string;
  /** The launch page's script of SCORM packages (runtime/lms/scorm-launcher.ts). */
  lmsLauncher: string;
  /** The launch page's script of cmi5 packages (runtime/lms/cmi5-launcher.ts). */
  cmi5Launcher: string;
}
let bundled: Promise<BundledRuntime> | undefined;

/**
 * esbuild output of the runtime core, its interactive part and the service worker (minified,
 * ES2020).
 */
export function bundleRuntimeCode(): Promise<BundledRuntime> {
  bundled ??= (async () => readRuntimeCache() ?? (await buildRuntimeCode()))();
  return bundled;
}

/** Run esbuild on the three entries; cache the output when every input could be recorded. */
async function buildRuntimeCode(): Promise<BundledRuntime> {
  const esbuild = await import('esbuild');
  // Every file esbuild compiles, with the sha256 of the very bytes it got: the cache key of the
  // output.
  const inputs: Record<string, string> = {};
  let cacheable = true;
  const recordInputs = {
    name: 'record-inputs',
    setup(build: import('esbuild').PluginBuild) {
      build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        if (!/\.([cm]?[jt]sx?|json)$/.test(args.path)) {
          cacheable = false; // a kind of file this does not record: never cache the output
          return undefined;
        }
        const data = fs.readFileSync(args.path);
        inputs[args.path] = sha256(data);
        const loader = loaderOf(path.extname(args.path).slice(1));
        return { contents: data, loader, resolveDir: path.dirname(args.path) };
      });
    },
  };
  const build = async (entry: string, format: 'esm' | 'iife', services = true) => {
    const result = await esbuild.build({
      entryPoints: [path.join(runtimeDir, entry)],
      bundle: true,
      minify: true,
      format,
      write: false,
      target: 'es2020',
      legalComments: 'none',
      logLevel: 'silent',
      // main.ts starts the learner services only where this is true; false drops their code.
      define: { POLYCOURSE_LEARNER_SERVICES: String(services) },
      plugins: [recordInputs],
    });
    return result.outputFiles[0].text;
  };
  // A classic deferred script (IIFE), not type=module: browsers refuse module scripts on file://,
  // and a bundle opened from a folder or USB stick must stay interactive.
  const code = {
    runtime: await build('browser/main.ts', 'iife'),
    runtimeWithoutServices: await build('browser/main.ts', 'iife', false),
    interactive: await build('browser/interactive.ts', 'iife'),
    serviceWorker: await build('service-worker/service-worker.ts', 'iife'),
    lmsLauncher: await build('lms/scorm-launcher.ts', 'iife'),
    cmi5Launcher: await build('lms/cmi5-launcher.ts', 'iife'),
  };
  if (cacheable) writeRuntimeCache(inputs, code, esbuild.version);
  return code;
}

function loaderOf(ext: string): 'json' | 'tsx' | 'ts' | 'jsx' | 'js' {
  if (ext === 'json') return 'json';
  if (ext.endsWith('tsx')) return 'tsx';
  if (ext.endsWith('ts')) return 'ts';
  if (ext.endsWith('jsx')) return 'jsx';
  return 'js';
}

/**
 * The bundled runtime is kept between processes in node_modules/.cache, keyed by the content of
 * every file it was built from (and the esbuild version): used only when each of them still hashes
 * the same.
 */
const runtimeCacheFile = path.join(
  runtimeDir,
  '../node_modules/.cache/polycourse-runtime/runtime.json',
);
const runtimeCacheFormat = 4;

function readRuntimeCache(): BundledRuntime | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(runtimeCacheFile, 'utf8')) as {
      format: number;
      esbuild: string;
      inputs: Record<string, string>;
      code: BundledRuntime;
      runtimeDir?: string;
    };
    // The cache sits in node_modules, which two checkouts may share: it holds for this one only.
    if (state.format !== runtimeCacheFormat || state.runtimeDir !== runtimeDir) return undefined;
    const esbuildPackage = JSON.parse(
      fs.readFileSync(path.join(runtimeDir, '../node_modules/esbuild/package.json'), 'utf8'),
    ) as { version: string };
    if (esbuildPackage.version !== state.esbuild) return undefined;
    for (const [file, hash] of Object.entries(state.inputs))
      if (sha256(fs.readFileSync(file)) !== hash) return undefined;
    return state.code;
  } catch {
    return undefined;
  }
}

function writeRuntimeCache(
  inputs: Record<string, string>,
  code: BundledRuntime,
  esbuildVersion: string,
): void {
  try {
    fs.mkdirSync(path.dirname(runtimeCacheFile), { recursive: true });
    const tmp = `${runtimeCacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(
      tmp,
      JSON.stringify({
        format: runtimeCacheFormat,
        esbuild: esbuildVersion,
        runtimeDir,
        inputs,
        code,
      }),
    );
    fs.renameSync(tmp, runtimeCacheFile);
  } catch {
    /* a cache only */
  }
}

/** The UI strings only the learner services' client shows (runtime/browser/learner-account.ts). */
const servicesMessage = /^runtime\.(account|forum|board)\./;

/** The locale's runtime file content: embedded data + bundled code. */
export async function localeRuntime(
  course: Course,
  locale: string,
  ui: {
    /** The locale's ICU messages, the source locale's filling its gaps */
    messages: Record<string, string>;
    /** The ids the locale shows in the source locale */
    fallbackIds: string[];
  },
  /** The learner services' address (BuildOptions.learnerServices). */
  services?: string,
): Promise<string> {
  const code = await bundleRuntimeCode();
  const runtime = services ? code.runtime : code.runtimeWithoutServices;
  // Without learner services, their strings (accounts, forum, leaderboard) are not shipped either.
  const shipped = (id: string) =>
    id.startsWith('runtime.') && (services !== undefined || !servicesMessage.test(id));
  const messages: Record<string, unknown> = {};
  for (const [id, message] of Object.entries(ui.messages))
    if (shipped(id)) messages[id] = compileMessage(message);
  const fallbackIds = ui.fallbackIds.filter(shipped);
  const source = localeInfo(course.sourceLocale);
  const data: RuntimeData = {
    outline: courseOutline(course),
    locale,
    messages,
    ...(fallbackIds.length
      ? { fallback: { lang: source.code, dir: source.dir, ids: fallbackIds } }
      : {}),
    moduleTitles: Object.fromEntries(
      course.modules.map((m) => [m.id, pickText(m.title, locale, course.sourceLocale).value]),
    ),
    ...(services ? { services } : {}),
  };
  return `globalThis.__POLYCOURSE__=${JSON.stringify(data)};\n${runtime}`;
}

/**
 * The interactive part of the runtime: the same for every locale (strings and data come from the
 * core).
 */
export async function interactiveRuntime(): Promise<string> {
  return (await bundleRuntimeCode()).interactive;
}

/**
 * One `<picture>` as the pages render it: its `<source>`s in document order, then its `<img>` (no
 * type). The browser shows the first source whose type it decodes, else the `<img>`; files are
 * paths relative to the locale folder.
 */
export type PictureSources = { type?: string; files: string[] }[];

/**
 * A 1×1 image of each `<source>` type the pages use (made with sharp): the worker decodes it to
 * learn whether this browser shows that source.
 */
const decodeSamples: Record<string, string> = {
  'image/avif':
    'AAAAHGZ0eXBhdmlmAAAAAG1pZjFhdmlmbWlhZgAAANZtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAA' +
    'AAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAAA+gABAAAAAAAAAB0AAAAjaWluZgAAAAAAAQAAABVpbmZlAgAAAAAB' +
    'AABhdjAxAAAAAA5waXRtAAAAAAABAAAAVmlwcnAAAAA4aXBjbwAAAAxhdjFDgSACAAAAABRpc3BlAAAAAAAAAAEAAA' +
    'ABAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAgMAAAAlbWRhdBIACgc4AAaQENBpMhAZQmMEwAA0' +
    'AACQQMkcYIpq',
  'image/webp': 'UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAUAmJaQAA3AA/vz0AAA=',
};

/**
 * The content of the locale's sw.js: what it saves and when (`plan`, offline-plan.ts), of whose
 * `pictures` the browser saves only the source it shows. Its version changes whenever any file
 * does, so browsers install a new worker.
 */
export async function serviceWorkerSource(
  courseId: string,
  locale: string,
  plan: OfflinePlan,
  pictures: PictureSources[] = [],
): Promise<string> {
  const { serviceWorker } = await bundleRuntimeCode();
  const samples: Record<string, string> = {};
  for (const { type } of pictures.flat()) {
    if (!type) continue;
    if (!decodeSamples[type])
      throw new Error(
        `The service worker has no sample of ${type} to test the browser with: add a 1×1 ` +
          'image of it to decodeSamples in compiler/targets/bundle-runtime.ts.',
      );
    samples[type] = decodeSamples[type];
  }
  // The grouping is part of the version: the same files saved another way are a new worker.
  const version = sha256(JSON.stringify([plan, pictures])).slice(0, 12);
  const prefix = `polycourse:${courseId}:${locale}:`;
  const precache = { cacheName: `${prefix}${version}`, prefix, ...plan, pictures, samples };
  return `const PRECACHE=${JSON.stringify(precache)};\n${serviceWorker}`;
}
