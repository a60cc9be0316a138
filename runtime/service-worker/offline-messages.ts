/**
 * The messages between a bundle's pages (runtime/browser/offline.ts) and the locale's service
 * worker (service-worker.ts): the seam between the two. Types only.
 */

/** What a page asks of the worker. */
export type PageMessage =
  /** Save the module of this page (its pages and the narrowest file of each picture). */
  | { type: 'save-module'; url: string }
  /** Keep the whole course offline: every file, with progress. */
  | { type: 'keep' }
  /** Answered to the asking page with an `offline-state` message. */
  | { type: 'offline-state' };

/** What the worker tells pages. */
export type WorkerMessage =
  /** While keeping the course: files saved so far, of how many. */
  | { type: 'cache-progress'; done: number; total: number }
  /** Keeping the course is done; `failed` files could not be fetched (another try saves them). */
  | { type: 'cache-ready' | 'cache-failed'; failed: number }
  /** Whether the learner keeps the course, and the bytes still to save for that. */
  | { type: 'offline-state'; kept: boolean; remaining: number };
