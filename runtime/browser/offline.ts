/**
 * Offline: registers the locale's service worker, which saves the shell and the module of this
 * page (not when the browser asks to save data) and the rest as the learner opens it. The footer
 * offers to keep the whole course offline, with the size to download first, then the progress.
 * Not on file:// (browsers refuse service workers there; the course still works). While the
 * network is off, the language picker says which other languages need a connection: those whose
 * version of this page this device has not saved.
 */
import type { Translate } from './translate.ts';
import type { PageMessage, WorkerMessage } from '../service-worker/offline-messages.ts';

export function registerOffline(swUrl: string, t: Translate): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  markUnsavedLanguages(t);
  const status = document.querySelector<HTMLElement>('.offline-status');
  const button = document.querySelector<HTMLButtonElement>('.keep-offline');
  const say = (text: string) => {
    if (!status) return;
    status.hidden = false;
    status.textContent = text;
  };
  let worker: ServiceWorker | null = null;
  const ask = (message: PageMessage) => worker?.postMessage(message);
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const m = event.data;
    if (m?.type === 'cache-progress' && m.total) {
      say(t('runtime.offline.progress', { percent: m.done / m.total }));
    } else if (m?.type === 'cache-ready') {
      say(t('runtime.offline.ready'));
      if (button) button.hidden = true;
    } else if (m?.type === 'cache-failed') {
      say(t('runtime.offline.failed'));
      ask({ type: 'offline-state' }); // the button again, with what is left
    } else if (m?.type === 'offline-state' && button) {
      button.hidden = m.kept && m.remaining === 0;
      button.disabled = false;
      button.textContent = t('runtime.offline.keep', { size: byteSize(m.remaining) });
    }
  });
  button?.addEventListener('click', () => {
    button.disabled = true;
    ask({ type: 'keep' });
  });
  navigator.serviceWorker
    .register(swUrl)
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      worker = registration.active;
      const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData;
      if (!saveData) ask({ type: 'save-module', url: location.href });
      ask({ type: 'offline-state' });
    })
    .catch((error: unknown) =>
      console.warn('[polycourse] offline caching is not available:', error),
    );
}

/** "1.4 MB", "320 kB", in the page's language (decimal units, as download sizes are given). */
function byteSize(bytes: number): string {
  const [unit, value] = bytes >= 1e6 ? ['megabyte', bytes / 1e6] : ['kilobyte', bytes / 1e3];
  return new Intl.NumberFormat(document.documentElement.lang, {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * Marks, while offline, the picker's languages that have no saved copy on this device (no cache
 * of that locale's service worker: `polycourse:<course>:<locale>:…`), and unmarks them online.
 */
function markUnsavedLanguages(t: Translate): void {
  const links = [
    ...document.querySelectorAll<HTMLAnchorElement>(
      '.language-picker a[hreflang]:not([aria-current])',
    ),
  ];
  if (!links.length || !('caches' in window)) return;
  const mark = async () => {
    for (const link of links) {
      // The page the link opens, as the worker keys it: saved or not, whatever else of that
      // language this device has (a first visit saves only the shell and one module).
      const unsaved = !navigator.onLine && !(await caches.match(savedKey(link.href)));
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

/** A page's address as the service worker saves it: no query or fragment, `/` as `/index.html`. */
function savedKey(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? `${url.href}index.html` : url.href;
}
