/**
 * Offline: registers the locale's service worker (which caches the whole locale bundle) and shows
 * its progress. Not on file:// (browsers refuse service workers there; the course still works).
 */
import type { Translate } from './translate.ts';

export function registerOffline(swUrl: string, t: Translate): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
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
