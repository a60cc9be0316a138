/**
 * The locale's service worker. A first visit costs little, since our learners include people on
 * slow, metered connections: on install it saves the shell (home, 404, theme, runtime); it saves
 * a module's pages and the pictures they show when the learner is in that module (asked by the
 * page, and on each navigation; not when the browser asks to save data); every other file is saved
 * as the learner opens it, or all at once when the learner chooses to keep the course offline (the
 * page shows the size first, then progress: runtime/browser/offline.ts). Of a picture it saves only
 * the format this browser shows, and ahead of the learner only its narrowest width. It serves what
 * is saved first, so that part of the course works with the network off, answering a video's byte
 * ranges from the saved file. A new build is a new worker: it saves again what the one before had
 * saved (copying the files that did not change), then drops the old cache.
 */
import { parseRange } from '../logic/byte-range.ts';
import type { PageMessage, WorkerMessage } from './offline-messages.ts';

/** Made at build time: compiler/targets/static-bundle/offline-plan.ts and bundle-runtime.ts. */
declare const PRECACHE: {
  cacheName: string;
  prefix: string;
  /** Every file the worker may save: path in the locale folder → [sha256 prefix, size]. */
  files: Record<string, [string, number]>;
  /** Saved on install. */
  shell: string[];
  /** Each module with its pages and the files they show, videos and captions aside. */
  modules: [string, string[]][];
  /**
   * Each `<picture>`: its `<source>`s in document order, then its `<img>` (no type); the browser
   * shows the first source whose type it decodes, else the `<img>`.
   */
  pictures: { type?: string; files: string[] }[][];
  /** A tiny base64 image of each source type, to ask this browser whether it decodes it. */
  samples: Record<string, string>;
};
interface WindowClient {
  postMessage(m: WorkerMessage): void;
}
// Service-worker globals, typed loosely: the DOM library the rest of the runtime uses does not
// describe them.
declare const self: {
  addEventListener(type: string, listener: (event: any) => void): void;
  skipWaiting(): Promise<void>;
  clients: {
    matchAll(options: object): Promise<WindowClient[]>;
    claim(): Promise<void>;
  };
  registration: { scope: string };
  navigator: { onLine: boolean };
};

/** What a cache of this worker holds: the files saved (path → sha256 prefix), and whether the
 * learner chose to keep the whole course. Kept in the cache itself, beside the files. */
interface Saved {
  kept: boolean;
  files: Record<string, string>;
}

const urlOf = (file: string) => new URL(file, self.registration.scope).href;
const savedUrl = () => urlOf('.polycourse-offline.json');

async function readSaved(cache: Cache): Promise<Saved | undefined> {
  const response = await cache.match(savedUrl());
  return response && ((await response.json()) as Saved);
}

function writeSaved(cache: Cache, saved: Saved): Promise<void> {
  const headers = { 'content-type': 'application/json' };
  return cache.put(savedUrl(), new Response(JSON.stringify(saved), { headers }));
}

let opened: Promise<{ cache: Cache; saved: Saved }> | undefined;
/** This worker's cache and what it holds, read once per start of the worker. */
function own(): Promise<{ cache: Cache; saved: Saved }> {
  opened ??= (async () => {
    const cache = await caches.open(PRECACHE.cacheName);
    return { cache, saved: (await readSaved(cache)) ?? { kept: false, files: {} } };
  })();
  return opened;
}

/** The cache of the worker before this one (a build before), with what it saved. */
async function before(): Promise<{ cache: Cache; saved: Saved } | undefined> {
  for (const key of await caches.keys()) {
    if (!key.startsWith(PRECACHE.prefix) || key === PRECACHE.cacheName) continue;
    const cache = await caches.open(key);
    const saved = await readSaved(cache);
    if (saved) return { cache, saved };
  }
  return undefined;
}

let queue: Promise<unknown> = Promise.resolve();
/** One saving task at a time: they share what is saved. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function broadcast(message: WorkerMessage): Promise<void> {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: 'window' }))
    client.postMessage(message);
}

/** Whether this browser decodes images of `type`: what `<picture>` asks of `<source type>`. */
async function decodes(type: string): Promise<boolean> {
  try {
    const bytes = Uint8Array.from(atob(PRECACHE.samples[type]), (c) => c.charCodeAt(0));
    (await createImageBitmap(new Blob([bytes], { type }))).close();
    return true;
  } catch {
    return false;
  }
}

interface PictureChoice {
  /** Files of the sources this browser passes over: never saved. */
  hidden: Set<string>;
  /** Of the source it shows, the files wider than the narrowest: not saved ahead of the learner. */
  wider: Set<string>;
  /** Each file of a picture → the files of the source this browser shows, narrowest first. */
  shown: Map<string, string[]>;
}

let chosen: Promise<PictureChoice> | undefined;
/** What this browser shows of each picture (the first source whose type it decodes). */
function pictureChoice(): Promise<PictureChoice> {
  chosen ??= (async () => {
    const types = [...new Set(PRECACHE.pictures.flat().flatMap((s) => (s.type ? [s.type] : [])))];
    const decoded = new Set<string | undefined>([undefined]); // the `<img>` shows anywhere
    for (const type of types) if (await decodes(type)) decoded.add(type);
    const choice: PictureChoice = { hidden: new Set(), wider: new Set(), shown: new Map() };
    for (const sources of PRECACHE.pictures) {
      const shown = sources.find((s) => decoded.has(s.type))?.files ?? [];
      for (const file of shown.slice(1)) choice.wider.add(file);
      for (const { files } of sources)
        for (const file of files) {
          if (!shown.includes(file)) choice.hidden.add(file);
          choice.shown.set(file, shown);
        }
    }
    return choice;
  })();
  return chosen;
}

/**
 * Saves those of `files` this worker has not saved (8 at a time), copying from `from` a file whose
 * content it holds; a file that fails does not stop the rest. Returns how many failed.
 * Content-hashed `_assets/` come from the browser's HTTP cache when there (the page just loaded
 * them); pages are checked with the server (`no-cache`: a 304 when unchanged).
 */
async function save(
  files: string[],
  progress?: (done: number, total: number) => void,
  from?: { cache: Cache; saved: Saved },
): Promise<number> {
  const { cache, saved } = await own();
  const { hidden } = await pictureChoice();
  const todo = [...new Set(files)].filter(
    (f) => f in PRECACHE.files && !hidden.has(f) && saved.files[f] !== PRECACHE.files[f][0],
  );
  let done = 0;
  let failed = 0;
  for (let i = 0; i < todo.length; i += 8) {
    await Promise.all(
      todo.slice(i, i + 8).map(async (file) => {
        const sha = PRECACHE.files[file][0];
        try {
          const copy = from?.saved.files[file] === sha && (await from.cache.match(urlOf(file)));
          if (copy) await cache.put(urlOf(file), copy);
          else {
            const mode = file.startsWith('_assets/') ? 'default' : 'no-cache';
            await cache.add(new Request(urlOf(file), { cache: mode }));
          }
          saved.files[file] = sha;
        } catch {
          failed++;
        }
        done++;
      }),
    );
    progress?.(done, todo.length);
  }
  if (todo.length) await writeSaved(cache, saved);
  return failed;
}

const toPages = (done: number, total: number) =>
  void broadcast({ type: 'cache-progress', done, total });

/** A page's module: the first folder of its address; else (home, glossary…) the first module. */
function moduleOf(url: string): [string, string[]] | undefined {
  const scope = self.registration.scope;
  const first = url.startsWith(scope) ? url.slice(scope.length).split('/')[0] : '';
  return PRECACHE.modules.find(([id]) => id === first) ?? PRECACHE.modules[0];
}

/**
 * A module's pages and, of each picture they show, the narrowest file: a first visit stays light,
 * and offline a wider one not saved is answered with it (see the fetch handler).
 */
async function saveModule(url: string): Promise<void> {
  const module = moduleOf(url);
  const { wider } = await pictureChoice();
  if (module) await save(module[1].filter((f) => !wider.has(f)));
}

/** Every file, with progress: the learner chose to keep the course offline. */
async function keep(): Promise<void> {
  const { cache, saved } = await own();
  saved.kept = true;
  await writeSaved(cache, saved);
  const failed = await save(Object.keys(PRECACHE.files), toPages);
  await broadcast({ type: failed ? 'cache-failed' : 'cache-ready', failed });
}

/** Whether the learner keeps the course, and the bytes still to save for that. */
async function state(): Promise<WorkerMessage> {
  const { saved } = await own();
  const { hidden } = await pictureChoice();
  let remaining = 0;
  for (const [file, [sha, size]] of Object.entries(PRECACHE.files))
    if (!hidden.has(file) && saved.files[file] !== sha) remaining += size;
  return { type: 'offline-state', kept: saved.kept, remaining };
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    serial(async () => {
      const { saved } = await own();
      const previous = await before();
      if (previous?.saved.kept) saved.kept = true;
      const again = previous ? Object.keys(previous.saved.files) : [];
      const all = saved.kept ? Object.keys(PRECACHE.files) : [];
      const failed = await save(
        [...PRECACHE.shell, ...again, ...all],
        saved.kept ? toPages : undefined,
        previous,
      );
      if (saved.kept) await broadcast({ type: failed ? 'cache-failed' : 'cache-ready', failed });
      await self.skipWaiting();
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith(PRECACHE.prefix) && key !== PRECACHE.cacheName) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  // From this origin's pages only (a service worker gets no other messages), but still checked.
  const message = event.data as Partial<PageMessage> | undefined;
  const source = event.source as WindowClient | null;
  if (message?.type === 'save-module' && typeof message.url === 'string') {
    const { url } = message;
    event.waitUntil(serial(() => saveModule(url)));
  } else if (message?.type === 'keep') event.waitUntil(serial(keep));
  else if (message?.type === 'offline-state')
    event.waitUntil(serial(state).then((answer) => source?.postMessage(answer)));
});

/**
 * The part of a cached file that a `Range` asks for (206, or 416 past its end). The cache holds
 * whole files, and a whole file answered to a seek's range is refused by Safari and read again from
 * its start by Chromium. The cached copy is the only one the worker has, so If-Range is not
 * compared (browsers send none when seeking media).
 */
async function answerRange(cached: Response, range: string): Promise<Response> {
  if (cached.status !== 200) return cached;
  const body = await cached.clone().blob();
  const part = parseRange(range, body.size);
  if (part === undefined) return cached;
  const headers = new Headers(cached.headers);
  headers.set('accept-ranges', 'bytes');
  if (part === 'unsatisfiable') {
    headers.set('content-range', `bytes */${body.size}`);
    headers.delete('content-length');
    return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers });
  }
  // The cache holds the decoded bytes: the range is of those, never of an encoded form.
  headers.delete('content-encoding');
  headers.set('content-range', `bytes ${part.start}-${part.end}/${body.size}`);
  headers.set('content-length', String(part.end - part.start + 1));
  return new Response(body.slice(part.start, part.end + 1, body.type), {
    status: 206,
    statusText: 'Partial Content',
    headers,
  });
}

/** Files opened and not yet saved: a page and its pictures come in a burst. */
let opening = 0;

/**
 * A file the learner opened, saved as it came, so that it works offline from now on. The last of
 * a burst writes the saved-files record for all of them (one write, not one per file).
 */
async function keepOpened(file: string, response: Response): Promise<void> {
  const { cache, saved } = await own();
  try {
    await cache.put(urlOf(file), response);
    saved.files[file] = PRECACHE.files[file][0];
  } finally {
    opening--;
  }
  if (opening === 0) await writeSaved(cache, saved);
}

self.addEventListener('fetch', (event) => {
  const request: Request = event.request;
  const scope = self.registration.scope;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const key = url.href.endsWith('/') ? `${url.href}index.html` : url.href;
  const file = key.slice(scope.length);
  const range = request.headers.get('range');
  if (
    request.mode === 'navigate' &&
    self.navigator.onLine &&
    request.headers.get('save-data') !== 'on'
  )
    event.waitUntil(serial(() => saveModule(key)));
  event.respondWith(
    (async () => {
      const { cache } = await own();
      const cached = await cache.match(key);
      if (cached) return range === null ? cached : answerRange(cached, range);
      try {
        const response = await fetch(request);
        if (range === null && response.status === 200 && file in PRECACHE.files) {
          const copy = response.clone(); // now: the page reads the body as it comes
          opening++;
          event.waitUntil(serial(() => keepOpened(file, copy)));
        }
        return response;
      } catch (error) {
        if (request.mode === 'navigate') {
          const notFound = await cache.match(urlOf('404.html'));
          if (notFound) return notFound;
        }
        // A picture at a width not saved: the same picture at a width that is.
        for (const other of (await pictureChoice()).shown.get(file) ?? []) {
          const saved = await cache.match(urlOf(other));
          if (saved) return saved;
        }
        throw error;
      }
    })(),
  );
});
