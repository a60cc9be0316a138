/**
 * The queue of learner events waiting for the learner services (docs/learner-services.md): pure
 * functions over plain data, kept in localStorage by runtime/browser/learner-account.ts. Each event
 * gets its id when it is queued, so a batch sent again after a dropped answer is counted once by
 * the server; a view or a watched video is queued once per unit and device (revisits add nothing).
 */
import type { LearnerEvent } from '../browser/learner-events.ts';

/** An event as the server takes it (cms/learners/record-events.ts). */
type Unqueued<T> = T extends unknown ? Omit<T, 'id'> : never;

export type ServiceEvent =
  | { id: string; type: 'unit-viewed' | 'video-watched'; unit: string; at: string }
  | {
      id: string;
      type: 'quiz-attempt';
      unit: string;
      at: string;
      answers: Record<string, string[]>;
    }
  | { id: string; type: 'challenge-done'; unit: string; at: string; done: boolean }
  | {
      id: string;
      type: 'questionnaire-response';
      at: string;
      phase: 'pre' | 'post';
      answers: Record<string, number>;
      consent: string;
    }
  | { id: string; type: 'questionnaire-withdrawn'; at: string; phase: 'pre' | 'post' };

export interface SyncState {
  version: 1;
  /** the signed-in learner (none: events wait until they sign in) */
  token?: string;
  /** the signed-in learner's username */
  learner?: string;
  name?: string;
  leaderboard?: boolean;
  /** events not yet acknowledged by the server, oldest first */
  queue: ServiceEvent[];
  /**
   * ids of events queued before this learner signed in, held until the learner says they are
   * theirs (on a shared device they may be someone else's): see holdUnclaimed and claim
   */
  unclaimed?: string[];
  /**
   * Events queued while a learner was signed in whose session then ended without a sign-out
   * (expired, or refused by the server): theirs if they sign in again (see sessionEnded).
   */
  expired?: { learner: string; ids: string[] };
  /** `type unit` of views and watched videos already queued from this device */
  sent: string[];
  /** a counter for unique ids on this device */
  next: number;
  /** a random prefix for this device's ids */
  device: string;
}

/** Most events kept waiting (a learner offline for weeks): the oldest views go first. */
export const maxQueued = 2000;
/** Most events in one request (the server takes at most 100). */
export const batchSize = 100;

export const emptySync = (device: string): SyncState => ({
  version: 1,
  queue: [],
  sent: [],
  next: 0,
  device,
});

/** The state with this learner event queued (unchanged for what the server does not take). */
export function enqueue(state: SyncState, event: LearnerEvent, at: Date): SyncState {
  const base = { at: at.toISOString() };
  let queued: Unqueued<ServiceEvent> | undefined;
  if (event.type === 'unit-viewed' || event.type === 'video-watched') {
    if (state.sent.includes(`${event.type} ${event.unit}`)) return state;
    queued = { ...base, type: event.type, unit: event.unit };
  } else if (event.type === 'quiz-attempt')
    queued = { ...base, type: 'quiz-attempt', unit: event.unit, answers: event.answers };
  else if (event.type === 'challenge-done')
    queued = { ...base, type: 'challenge-done', unit: event.unit, done: event.done };
  // Questionnaire answers leave the device only with the learner's consent.
  else if (event.type === 'questionnaire-response' && event.consent)
    queued = { ...base, ...event, consent: event.consent };
  else if (event.type === 'questionnaire-withdrawn') queued = { ...base, ...event };
  if (!queued) return state;
  const id = `${state.device}-${state.next.toString(36)}`;
  const queue = [...state.queue, { ...queued, id } as ServiceEvent];
  return {
    ...state,
    next: state.next + 1,
    queue: queue.length > maxQueued ? queue.slice(queue.length - maxQueued) : queue,
    sent:
      queued.type === 'unit-viewed' || queued.type === 'video-watched'
        ? [...state.sent, `${queued.type} ${queued.unit}`]
        : state.sent,
  };
}

/** The next batch to send, oldest first, without the events still held (unclaimed). */
export function nextBatch(state: SyncState): ServiceEvent[] {
  const held = new Set(state.unclaimed);
  return state.queue.filter((e) => !held.has(e.id)).slice(0, batchSize);
}

/**
 * At sign-in: what waits on the device was done before this learner signed in, perhaps by someone
 * else on a shared device. It is held until the learner answers (claim); what they do from now on
 * is sent as usual. Not held: what this same learner did while signed in before their session
 * ended (sessionEnded).
 */
export function holdUnclaimed(state: SyncState, learner: string): SyncState {
  const theirs = new Set(state.expired?.learner === learner ? state.expired.ids : []);
  const held = state.queue.map((e) => e.id).filter((id) => !theirs.has(id));
  return { ...state, expired: undefined, unclaimed: held.length ? held : undefined };
}

/**
 * The server ended the session (an expired or revoked token): the learner is signed out, and what
 * they queued while signed in (not what is still held from before) stays theirs if they sign in
 * again, so they are not asked about it.
 */
export function sessionEnded(state: SyncState): SyncState {
  if (!state.learner) return { ...state, token: undefined }; // stored by an older bundle
  const held = new Set(state.unclaimed);
  const ids = state.queue.map((e) => e.id).filter((id) => !held.has(id));
  return { ...state, token: undefined, expired: { learner: state.learner, ids } };
}

/**
 * The learner's answer about the held events: theirs, and sent with the rest; or not theirs, and
 * dropped (their views may then be queued again when this learner opens those units).
 */
export function claim(state: SyncState, mine: boolean): SyncState {
  const held = new Set(state.unclaimed);
  if (mine || !held.size) return { ...state, unclaimed: undefined };
  const dropped = state.queue.filter((e) => held.has(e.id));
  const forgotten = new Set(
    dropped.flatMap((e) =>
      e.type === 'unit-viewed' || e.type === 'video-watched' ? [`${e.type} ${e.unit}`] : [],
    ),
  );
  return {
    ...state,
    unclaimed: undefined,
    queue: state.queue.filter((e) => !held.has(e.id)),
    sent: state.sent.filter((key) => !forgotten.has(key)),
  };
}

/** The state once the server has stored (or already had) these events. */
export function acknowledge(state: SyncState, ids: string[]): SyncState {
  const done = new Set(ids);
  return { ...state, queue: state.queue.filter((e) => !done.has(e.id)) };
}

/**
 * The events of a batch the server refused (400): those its messages name, by place
 * (`events[3].unit`, `events.3.answers`) or by id (`qr-1: …`); the whole batch when they name
 * none. The others are sent again: one event that can never be taken (a unit removed since, a
 * consent text replaced) must not take the rest with it.
 */
export function refusedEvents(batch: ServiceEvent[], messages: string[]): string[] {
  const named = new Set<string>();
  for (const message of messages) {
    const at = /^events(?:\[(\d+)\]|\.(\d+))/.exec(message);
    const index = at ? Number(at[1] ?? at[2]) : -1;
    if (batch[index]) named.add(batch[index].id);
    const byId = batch.find((e) => message.startsWith(`${e.id}: `));
    if (byId) named.add(byId.id);
  }
  return named.size ? [...named] : batch.map((e) => e.id);
}

/** Read a stored state; anything unreadable starts afresh (the progress itself is elsewhere). */
export function parseSync(text: string | null, device: string): SyncState {
  try {
    const s = JSON.parse(text ?? '') as SyncState;
    if (s?.version === 1 && Array.isArray(s.queue) && Array.isArray(s.sent)) return s;
  } catch {
    /* start afresh */
  }
  return emptySync(device);
}
