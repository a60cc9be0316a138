/**
 * The LMS side of a SCORM launch, one shape for both versions: find the API object the LMS puts in
 * a parent or opener window, and name each data model element for SCORM 1.2 or 2004 (4th edition).
 * Plain functions over the API object the standards define; no library does the AU side of both as
 * small as this (scorm-again is the LMS side, used in our tests).
 */

export type ScormVersion = '1.2' | '2004';

/** The calls both versions have, under their own names. */
export interface LmsSession {
  version: ScormVersion;
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  /** The last error, as `code: message`, or '' when there is none. */
  lastError(): string;
}

interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

const apiName = { '1.2': 'API', '2004': 'API_1484_11' } as const;

/**
 * The API object: the nearest `API` (1.2) or `API_1484_11` (2004) in this window's parents, then in
 * its opener's (the algorithm the standards give, bounded to 10 levels each). Cross-origin
 * windows on the way are skipped.
 */
export function findApi(start: Window, version: ScormVersion): object | undefined {
  const name = apiName[version];
  const search = (from: Window | null): object | undefined => {
    for (let win = from, depth = 0; win && depth < 10; depth++) {
      try {
        const api = (win as unknown as Record<string, unknown>)[name];
        if (api && typeof api === 'object') return api;
      } catch {
        /* a window of another origin: look further up */
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return undefined;
  };
  return search(start) ?? search(start.opener as Window | null);
}

export function lmsSession(api: object, version: ScormVersion): LmsSession {
  const ok = (result: unknown) => String(result) === 'true';
  if (version === '1.2') {
    const a = api as Scorm12Api;
    return {
      version,
      initialize: () => ok(a.LMSInitialize('')),
      get: (element) => String(a.LMSGetValue(element) ?? ''),
      set: (element, value) => ok(a.LMSSetValue(element, value)),
      commit: () => ok(a.LMSCommit('')),
      finish: () => ok(a.LMSFinish('')),
      lastError: () => {
        const code = String(a.LMSGetLastError());
        return code === '0' ? '' : `${code}: ${a.LMSGetErrorString(code)}`;
      },
    };
  }
  const a = api as Scorm2004Api;
  return {
    version,
    initialize: () => ok(a.Initialize('')),
    get: (element) => String(a.GetValue(element) ?? ''),
    set: (element, value) => ok(a.SetValue(element, value)),
    commit: () => ok(a.Commit('')),
    finish: () => ok(a.Terminate('')),
    lastError: () => {
      const code = String(a.GetLastError());
      return code === '0' ? '' : `${code}: ${a.GetErrorString(code)}`;
    },
  };
}

/** The data model elements the launcher uses, by version. */
export const elements = {
  '1.2': {
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    language: 'cmi.student_preference.language',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
  },
  '2004': {
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    language: 'cmi.learner_preference.language',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
  },
} as const;

/** Limits of the elements the launcher writes (SCORM 1.2 CMIString255/4096; 2004 RTE 4th ed.). */
export const limits = {
  '1.2': { location: 255, suspendData: 4096 },
  '2004': { location: 1000, suspendData: 64000 },
} as const;

/** A session time in the version's format: `HHHH:MM:SS.SS` (1.2) or ISO 8601 `PT…H…M…S` (2004). */
export function sessionTime(ms: number, version: ScormVersion): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  if (version === '2004') return `PT${hours}H${minutes}M${seconds.toFixed(2)}S`;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const [whole, fraction] = seconds.toFixed(2).split('.');
  return `${pad(Math.min(hours, 9999), 4)}:${pad(minutes, 2)}:${pad(Number(whole), 2)}.${fraction}`;
}
