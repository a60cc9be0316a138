/**
 * The locale's service worker: on install, caches the files of the locale bundle (listed at build
 * time, so a new build means a new worker and a fresh cache) with, of each picture, only the format
 * this browser shows; reports progress to open pages, then serves from the cache first so the
 * course works with the network off, answering a video's byte ranges from the cached file.
 */
import { parseRange } from '../logic/byte-range.ts';

declare const PRECACHE: {
  cacheName: string;
  prefix: string;
  /** Cached whatever the browser. */
  files: string[];
  /**
   * Each `<picture>`: its `<source>`s in document order, then its `<img>` (no type); the browser
   * shows the first source whose type it decodes, else the `<img>`.
   */
  pictures: { type?: string; files: string[] }[][];
  /** A tiny base64 image of each source type, to ask this browser whether it decodes it. */
  samples: Record<string, string>;
};
// Service-worker globals, typed loosely: the DOM library the rest of the runtime uses does not
// describe them.
declare const self: {
  addEventListener(type: string, listener: (event: any) => void): void;
  skipWaiting(): Promise<void>;
  clients: {
    matchAll(options: object): Promise<{ postMessage(m: unknown): void }[]>;
    claim(): Promise<void>;
  };
  registration: { scope: string };
};

async function broadcast(message: unknown): Promise<void> {
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

/**
 * The precache list: the files every browser needs, and of each picture the files of the source
 * this browser shows. The others stay on the network (served from there when asked).
 */
async function filesToCache(): Promise<string[]> {
  const types = [...new Set(PRECACHE.pictures.flat().flatMap((s) => (s.type ? [s.type] : [])))];
  const decoded = new Set<string | undefined>([undefined]); // the `<img>` shows anywhere
  for (const type of types) if (await decodes(type)) decoded.add(type);
  const shown = PRECACHE.pictures.flatMap(
    (sources) => sources.find((s) => decoded.has(s.type))?.files ?? [],
  );
  return [...PRECACHE.files, ...new Set(shown)];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE.cacheName);
      const files = await filesToCache();
      const total = files.length;
      let done = 0;
      let failed = 0;
      for (let i = 0; i < total; i += 8) {
        await Promise.all(
          files.slice(i, i + 8).map(async (file) => {
            try {
              await cache.add(new Request(file, { cache: 'reload' }));
            } catch {
              failed++; // a missing file must not stop the rest from being cached
            }
            done++;
          }),
        );
        await broadcast({ type: 'cache-progress', done, total });
      }
      await broadcast({ type: failed ? 'cache-failed' : 'cache-ready', failed });
      await self.skipWaiting();
    })(),
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

self.addEventListener('fetch', (event) => {
  const request: Request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { ignoreSearch: true });
      const range = request.headers.get('range');
      if (cached) return range === null ? cached : answerRange(cached, range);
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode === 'navigate') {
          const notFound = await caches.match(new URL('404.html', self.registration.scope).href);
          if (notFound) return notFound;
        }
        throw error;
      }
    })(),
  );
});
