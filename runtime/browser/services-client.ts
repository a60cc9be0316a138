/**
 * What the learner services' pieces in a bundle share (learner-account.ts, module-forum.ts): the
 * services' address with the page's services, the learner's stored state (token, name, what waits
 * to be sent), calls to the API, and small DOM builders.
 */
import { parseSync, type SyncState } from '../logic/sync-queue.ts';
import type { PageServices } from './page-services.ts';

export type Services = PageServices & { api: string };

const storageKey = (courseId: string) => `polycourse:${courseId}:services`;

export function createStore(courseId: string) {
  const device = Math.random().toString(36).slice(2, 10);
  let state: SyncState = parseSync(localStorage.getItem(storageKey(courseId)), device);
  const listeners = new Set<() => void>();
  return {
    get state() {
      return state;
    },
    update(change: (s: SyncState) => SyncState) {
      // Another tab may have changed it: start from what is stored.
      state = change(parseSync(localStorage.getItem(storageKey(courseId)), device));
      localStorage.setItem(storageKey(courseId), JSON.stringify(state));
      for (const listener of listeners) listener();
    },
    onChange(listener: () => void) {
      listeners.add(listener);
    },
  };
}
export type Store = ReturnType<typeof createStore>;

export async function call(
  s: Services,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  // Only what a request needs: a GET without a token (the board, the threads) is then a "simple"
  // cross-origin request, sent without a preflight and cacheable by a CDN.
  const response = await fetch(`${s.api}/api/learner/${path}`, {
    ...init,
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export function field(id: string, label: string, input: Record<string, unknown>) {
  const box = el('input', { id, name: id, ...input });
  return { box, row: el('p', {}, [el('label', { htmlFor: id }, [label]), ' ', box]) };
}
