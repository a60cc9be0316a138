/**
 * Offline: registers the locale's service worker (which caches the whole locale bundle) and shows
 * its progress. Not on file:// (browsers refuse service workers there; the course still works).
 * While the network is off, the language picker says which other languages need a connection:
 * those this device has not saved.
 */
import type { Translate } from './translate.ts';

export function registerOffline(swUrl: string, t: Translate, courseId: string): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  markUnsavedLanguages(t, courseId);
  const status = document.querySelector<HTMLElement>('.offline-status');
  navigator.serviceWorker.addEventListener(
    'message',
    (event: MessageEvent<{ type: string; done?: number; total?: number }>) => {
      if (!status) return;
      const m = event.data;
      if (m?.type === 'cache-progress' && m.total) {
        status.hidden = false;
        status.textContent = t('runtime.offline.progress', { percent: (m.done ?? 0) / m.total });
      } else if (m?.type === 'cache-ready') {
        status.hidden = false;
        status.textContent = t('runtime.offline.ready');
      } else if (m?.type === 'cache-failed') {
        status.hidden = false;
        status.textContent = t('runtime.offline.failed');
      }
    },
  );
  navigator.serviceWorker
    .register(swUrl)
    .catch((error: unknown) =>
      console.warn('[polycourse] offline caching is not available:', error),
    );
}

/**
 * Marks, while offline, the picker's languages that have no saved copy on this device (no cache
 * of that locale's service worker: `polycourse:<course>:<locale>:…`), and unmarks them online.
 */
function markUnsavedLanguages(t: Translate, courseId: string): void {
  const links = [
    ...document.querySelectorAll<HTMLAnchorElement>(
      '.language-picker a[hreflang]:not([aria-current])',
    ),
  ];
  if (!links.length || !('caches' in window)) return;
  const mark = async () => {
    const saved = navigator.onLine ? [] : await caches.keys();
    for (const link of links) {
      const prefix = `polycourse:${courseId}:${link.hreflang}:`;
      const unsaved = !navigator.onLine && !saved.some((key) => key.startsWith(prefix));
      let note = link.querySelector('.offline-note');
      if (unsaved && !note) {
        note = document.createElement('span');
        note.className = 'offline-note';
        // In the page's language, inside a link named in its own language.
        note.setAttribute('lang', document.documentElement.lang);
        note.textContent = t('runtime.offline.language');
        link.append(' ', note);
      } else if (!unsaved && note) {
        note.previousSibling?.remove();
        note.remove();
      }
    }
  };
  const markLogged = () =>
    mark().catch((error: unknown) => console.warn('[polycourse] offline languages:', error));
  markLogged();
  window.addEventListener('offline', markLogged);
  window.addEventListener('online', markLogged);
}
