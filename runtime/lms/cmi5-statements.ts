/**
 * cmi5's rules for what an AU says, as pure functions (cmi5 sections 9–10): the launch data the
 * LMS leaves in the `LMS.LaunchData` state document, the "cmi5 defined" statements (verb, object
 * = the launch's activityId, context from the LMS's contextTemplate plus the cmi5 category, the
 * moveOn category on those with `result.completion` / `result.success`), and which of completed,
 * passed and failed is due for the learner's progress (lms-report.ts says what is complete and
 * the score).
 *
 * - - completed: once per registration, when the course is complete (its completion rule).
 * - - passed: once per registration, as soon as the score (every quiz attempted; the mean best
 *   percentage) reaches the mastery score: the LMS's `masteryScore` from the launch data, else
 *   the package's. A learner may retry a quiz, so failed is judged only when the session ends:
 *   the score is below the mastery score and passed was never sent in the registration. At most
 *   one of passed / failed per session, never failed after passed.
 * - - Browse and Review: only initialized and terminated.
 */
import type { LmsReport } from './lms-report.ts';
import type { Agent } from './xapi-client.ts';

export const cmi5Verbs = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type Cmi5Verb = keyof typeof cmi5Verbs;

export const cmi5Category = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const moveOnCategory = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const masteryScoreExtension = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const progressExtension = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** An xAPI context (the parts cmi5 uses; the rest is kept as the LMS gave it). */
export interface XapiContext {
  registration?: string;
  contextActivities?: Record<string, { id: string; [key: string]: unknown }[]>;
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

/** `LMS.LaunchData` (section 10.2), as the AU reads it. */
export interface LaunchData {
  contextTemplate: XapiContext;
  launchMode: LaunchMode;
  moveOn?: string;
  /** 0–1 */
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The launch data from the state document; throws when what an AU needs is missing. */
export function readLaunchData(document: unknown): LaunchData {
  if (!isRecord(document)) throw new Error('LMS.LaunchData is missing or not a JSON object');
  const { contextTemplate, launchMode, moveOn, masteryScore, returnURL } = document;
  if (!isRecord(contextTemplate)) throw new Error('LMS.LaunchData has no contextTemplate');
  if (launchMode !== 'Normal' && launchMode !== 'Browse' && launchMode !== 'Review')
    throw new Error(`LMS.LaunchData has an unknown launchMode (${String(launchMode)})`);
  const score = typeof masteryScore === 'string' ? Number(masteryScore) : masteryScore;
  return {
    contextTemplate: contextTemplate as XapiContext,
    launchMode,
    moveOn: typeof moveOn === 'string' ? moveOn : undefined,
    masteryScore:
      typeof score === 'number' && score >= 0 && score <= 1 && Number.isFinite(score)
        ? score
        : undefined,
    returnURL: typeof returnURL === 'string' && returnURL ? returnURL : undefined,
    launchParameters:
      typeof document.launchParameters === 'string' ? document.launchParameters : undefined,
  };
}

/** The learner's languages from `cmi5LearnerPreferences` (section 11), most preferred first. */
export function learnerPreferences(document: unknown): { languages: string[]; audio?: string } {
  if (!isRecord(document)) return { languages: [] };
  const { languagePreference, audioPreference } = document;
  return {
    languages:
      typeof languagePreference === 'string'
        ? languagePreference
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
    audio: audioPreference === 'on' || audioPreference === 'off' ? audioPreference : undefined,
  };
}

/** What every statement of the session shares. */
export interface Cmi5Session {
  actor: Agent;
  activityId: string;
  registration: string;
  contextTemplate: XapiContext;
}

export interface StatementResult {
  completion?: boolean;
  success?: boolean;
  /** ISO 8601 */
  duration?: string;
  score?: { scaled: number; raw: number; min: number; max: number };
  extensions?: Record<string, unknown>;
}

export interface Statement {
  id: string;
  timestamp: string;
  actor: Agent;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string };
  context: XapiContext;
  result?: StatementResult;
}

/**
 * A cmi5 defined statement: the contextTemplate's values untouched, the registration, the cmi5
 * category, and the moveOn category when the result has completion or success.
 */
export function cmi5Statement(
  session: Cmi5Session,
  verb: Cmi5Verb,
  stamp: { id: string; timestamp: string },
  result?: StatementResult,
  extensions?: Record<string, unknown>,
): Statement {
  const template = JSON.parse(JSON.stringify(session.contextTemplate)) as XapiContext;
  const activities = { ...template.contextActivities };
  const category = [...(activities.category ?? [])];
  const moveOn = result?.completion !== undefined || result?.success !== undefined;
  for (const id of moveOn ? [cmi5Category, moveOnCategory] : [cmi5Category])
    if (!category.some((a) => a.id === id)) category.push({ id });
  activities.category = category;
  const context: XapiContext = {
    ...template,
    registration: template.registration ?? session.registration,
    contextActivities: activities,
  };
  if (extensions) context.extensions = { ...extensions, ...template.extensions };
  return {
    id: stamp.id,
    timestamp: stamp.timestamp,
    actor: session.actor,
    verb: { id: cmi5Verbs[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: session.activityId },
    context,
    ...(result ? { result } : {}),
  };
}

/** What the registration has heard so far (kept with the learner's progress in the LRS). */
export interface Reported {
  completed?: boolean;
  passed?: boolean;
}

/**
 * The judging verbs due now, in order: completed when the course is complete, then passed or (at
 * the session's end) failed by the score against the mastery score. `judged`: passed or failed was
 * sent in this session already.
 */
export function dueVerbs(
  report: LmsReport,
  reported: Reported,
  mastery: number | undefined,
  session: { mode: LaunchMode; judged: boolean; ending: boolean },
): Cmi5Verb[] {
  if (session.mode !== 'Normal') return [];
  const due: Cmi5Verb[] = [];
  if (report.complete && !reported.completed) due.push('completed');
  if (reported.passed || session.judged || report.score === undefined || mastery === undefined)
    return due;
  if (report.score / 100 >= mastery) due.push('passed');
  else if (session.ending) due.push('failed');
  return due;
}

/** `result.score` of passed / failed from lms-report's 0–100 score. */
export const scoreOf = (score: number) => ({ scaled: score / 100, raw: score, min: 0, max: 100 });

/** A version 4 UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
