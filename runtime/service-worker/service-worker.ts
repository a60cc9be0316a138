/**
 * The locale's service worker: on install, caches every file of the locale bundle (listed at build
 * time, so a new build means a new worker and a fresh cache), reports progress to open pages, then
 * serves from the cache first so the course works with the network off.
 */
declare const PRECACHE: { cacheName: string; prefix: string; files: string[] };
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

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE.cacheName);
      const total = PRECACHE.files.length;
      let done = 0;
      let failed = 0;
      for (let i = 0; i < total; i += 8) {
        await Promise.all(
          PRECACHE.files.slice(i, i + 8).map(async (file) => {
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

self.addEventListener('fetch', (event) => {
  const request: Request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { ignoreSearch: true });
      if (cached) return cached;
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
