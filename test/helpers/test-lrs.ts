/**
 * A small LMS + LRS on loopback for cmi5 tests: what an LMS does to launch an AU (a registration,
 * a session id, `LMS.LaunchData` in the activity state, the learner preferences in the agent
 * profile, a one-time `fetch` URL, the launch URL), and the xAPI resources an AU calls (POST
 * /fetch/…, statements, activities/state, agents/profile), with CORS for an AU served from
 * another origin. Every request and statement is checked against the cmi5 rules an LMS enforces
 * (the "(d)" requirements of @cmi5/requirements, named by id and text); a breach is recorded in
 * `violations` and answered with an error, as a strict LMS would. Order rules that span a session
 * (initialized first, terminated last, by timestamp) are checked by `endOfSession`.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
const requirements = require('@cmi5/requirements/requirements.json') as Record<
  string,
  { txt: string }
>;

/** `<id> "<text>"` of a cmi5 requirement, for assertion messages; unknown ids throw. */
export function requirement(id: string): string {
  const found = requirements[id];
  if (!found) throw new Error(`no cmi5 requirement ${id} in @cmi5/requirements`);
  return `${id} "${found.txt}"`;
}

export const verbIds = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
const verbName = new Map(Object.entries(verbIds).map(([name, id]) => [id as string, name]));
export const categoryIds = {
  cmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
};
export const extensionIds = {
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
};

/** JSON as the AU sent it: checked field by field below, so typed loosely. */
export type Json = any;
export type LaunchMode = 'Normal' | 'Browse' | 'Review';
export type MoveOn =
  'NotApplicable' | 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed';

export interface LaunchOptions {
  /** The AU's launch URL (absolute) and publisher id, from cmi5.xml. */
  url: string;
  auId: string;
  /** A new registration unless given (a relaunch passes the previous one). */
  registration?: string;
  actor?: Json;
  launchMode?: LaunchMode;
  moveOn?: MoveOn;
  masteryScore?: number;
  returnURL?: string;
  languagePreference?: string;
  audioPreference?: 'on' | 'off';
}

export interface Session {
  id: string;
  registration: string;
  actor: Json;
  activityId: string;
  auId: string;
  launchMode: LaunchMode;
  moveOn: MoveOn;
  masteryScore?: number;
  contextTemplate: Json;
  /** The full launch URL the LMS opens. */
  launchUrl: string;
  token: string;
  fetches: number;
  launchDataRead: boolean;
  preferencesRead: boolean;
  initialized: boolean;
  terminatedAt?: number;
  /** cmi5 defined verbs used in the session, by name. */
  verbs: string[];
}

export interface Recorded {
  statement: Json;
  session: string;
  /** `lms` for what the LMS itself recorded (launched). */
  by: 'au' | 'lms';
}

export interface TestLrs {
  /** The xAPI endpoint (`…/xapi/`). */
  endpoint: string;
  /** Launch an AU as an LMS does: returns the session (its `launchUrl` opens the AU). */
  launch(options: LaunchOptions): Session;
  /** Every breach seen, `<id> "<text>": <detail>`. */
  violations: string[];
  /** Statements in the order they arrived (the AU's only, unless `all`). */
  statements(session?: Session, all?: boolean): Json[];
  /** A state document of the session's activity, learner and registration. */
  state(session: Session, stateId: string): Json;
  /** The session-wide rules, checked once the AU is gone: breaches, empty when none. */
  endOfSession(session: Session): string[];
  /** Whether the AU's moveOn criterion is met in the registration (what the LMS computes). */
  satisfied(registration: string, moveOn: MoveOn): boolean;
  close(): Promise<void>;
}

/** Deep equality of JSON values, object keys in any order. */
function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => same(a[k], b[k]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]00:?00)$/;
/** How long after terminated the LMS still takes other requests of the session (9.3.8.0-4). */
const graceMs = 2000;

export async function startTestLrs(): Promise<TestLrs> {
  const violations: string[] = [];
  const violate = (id: string, detail: string) => violations.push(`${requirement(id)}: ${detail}`);
  const sessions = new Map<string, Session>();
  const fetchKeys = new Map<string, Session>();
  const states = new Map<string, string>();
  const profiles = new Map<string, string>();
  const recorded: Recorded[] = [];
  const registrations = new Map<string, { completed: boolean; passed: boolean }>();
  const stateKey = (activityId: string, agent: Json, registration: string, stateId: string) =>
    JSON.stringify([activityId, canonical(agent), registration, stateId]);
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, Buffer.concat(chunks).toString('utf8'), res);
      } catch (error) {
        answer(res, 500, { error: (error as Error).message });
      }
    });
  });

  function handle(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, X-Experience-API-Version',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', base);
    if (url.pathname.startsWith('/fetch/')) return fetchToken(req, url, res);
    if (!url.pathname.startsWith('/xapi/')) return answer(res, 404, { error: 'not found' });
    const session = authorize(req, res);
    if (!session) return;
    res.setHeader('X-Experience-API-Version', '1.0.3');
    const resource = url.pathname.slice('/xapi/'.length);
    if (resource === 'statements') return statements(req, url, body, session, res);
    if (resource === 'activities/state') return activityState(req, url, body, session, res);
    if (resource === 'agents/profile') return agentProfile(req, url, session, res);
    answer(res, 404, { error: `no resource ${resource}` });
  }

  function answer(res: http.ServerResponse, status: number, body?: Json) {
    if (body === undefined) return res.writeHead(status).end();
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  function fetchToken(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    const session = fetchKeys.get(url.pathname.slice('/fetch/'.length));
    if (req.method !== 'POST') {
      violate('8.2.1.0-2', `${req.method} to the fetch URL`);
      return answer(res, 405, { error: 'POST only' });
    }
    if (!session) return answer(res, 200, { 'error-code': '2', 'error-text': 'Unknown URL.' });
    session.fetches++;
    if (session.fetches > 1)
      return answer(res, 200, {
        'error-code': '1',
        'error-text': 'The authorization token has already been returned.',
      });
    answer(res, 200, { 'auth-token': session.token });
  }

  function authorize(req: http.IncomingMessage, res: http.ServerResponse): Session | undefined {
    const header = req.headers.authorization ?? '';
    const session = [...sessions.values()].find((s) => header === `Basic ${s.token}`);
    if (!session) {
      violate('8.1.2.0-5 (d)', `${req.method} ${req.url} with Authorization "${header}"`);
      answer(res, 401, { error: 'unauthorized' });
      return undefined;
    }
    if (session.terminatedAt !== undefined && Date.now() - session.terminatedAt > graceMs) {
      violate('8.1.2.0-2 (d)', `${req.method} ${req.url} after the session was terminated`);
      answer(res, 401, { error: 'session over' });
      return undefined;
    }
    if (!String(req.headers['x-experience-api-version'] ?? '').startsWith('1.0')) {
      violate('4.1.0.0-1', `${req.method} ${req.url} without X-Experience-API-Version 1.0.x`);
      answer(res, 400, { error: 'X-Experience-API-Version' });
      return undefined;
    }
    return session;
  }

  /** The agent, activity and registration parameters name the launch's (8.1.3–8.1.5). */
  function sameLaunch(url: URL, session: Session, withActivity: boolean): boolean {
    let agent: Json;
    try {
      agent = JSON.parse(url.searchParams.get('agent') ?? 'null');
    } catch {
      agent = undefined;
    }
    let ok = true;
    if (!same(agent, session.actor)) {
      violate('8.1.3.0-3 (d)', `${url.pathname} agent ${url.searchParams.get('agent')}`);
      ok = false;
    }
    if (!withActivity) return ok;
    if (url.searchParams.get('registration') !== session.registration) {
      violate(
        '8.1.4.0-3 (d)',
        `${url.pathname} registration ${url.searchParams.get('registration')}`,
      );
      ok = false;
    }
    if (url.searchParams.get('activityId') !== session.activityId) {
      violate('8.1.5.0-6 (d)', `${url.pathname} activityId ${url.searchParams.get('activityId')}`);
      ok = false;
    }
    return ok;
  }

  function activityState(
    req: http.IncomingMessage,
    url: URL,
    body: string,
    session: Session,
    res: http.ServerResponse,
  ) {
    if (!sameLaunch(url, session, true)) return answer(res, 400, { error: 'wrong launch' });
    const stateId = url.searchParams.get('stateId') ?? '';
    const key = stateKey(session.activityId, session.actor, session.registration, stateId);
    if (req.method === 'GET') {
      if (stateId === 'LMS.LaunchData') session.launchDataRead = true;
      const doc = states.get(key);
      return doc === undefined
        ? answer(res, 404, { error: 'no document' })
        : answer(res, 200, JSON.parse(doc));
    }
    if (stateId === 'LMS.LaunchData') {
      violate('10.2.1.0-5 (d)', `${req.method} of LMS.LaunchData`);
      return answer(res, 403, { error: 'LMS.LaunchData is the LMS’s' });
    }
    if (req.method === 'PUT' || req.method === 'POST') {
      const doc = JSON.parse(body);
      const merged =
        req.method === 'POST' ? { ...JSON.parse(states.get(key) ?? '{}'), ...doc } : doc;
      states.set(key, JSON.stringify(merged));
      return answer(res, 204);
    }
    if (req.method === 'DELETE') {
      states.delete(key);
      return answer(res, 204);
    }
    answer(res, 405, { error: 'method' });
  }

  function agentProfile(
    req: http.IncomingMessage,
    url: URL,
    session: Session,
    res: http.ServerResponse,
  ) {
    if (!sameLaunch(url, session, false)) return answer(res, 400, { error: 'wrong agent' });
    const profileId = url.searchParams.get('profileId') ?? '';
    if (req.method !== 'GET') return answer(res, 403, { error: 'preferences are the LMS’s' });
    if (profileId === 'cmi5LearnerPreferences') session.preferencesRead = true;
    const doc = profiles.get(JSON.stringify([canonical(session.actor), profileId]));
    if (doc === undefined) return answer(res, 404, { error: 'no document' });
    answer(res, 200, JSON.parse(doc));
  }

  function statements(
    req: http.IncomingMessage,
    url: URL,
    body: string,
    session: Session,
    res: http.ServerResponse,
  ) {
    if (req.method !== 'POST' && req.method !== 'PUT') return answer(res, 405, { error: 'method' });
    let parsed: Json;
    try {
      parsed = JSON.parse(body);
    } catch {
      violate('4.1.0.0-1', 'statements body is not JSON');
      return answer(res, 400, { error: 'not JSON' });
    }
    const list: Json[] = Array.isArray(parsed) ? parsed : [parsed];
    if (req.method === 'PUT' && list[0]?.id !== url.searchParams.get('statementId')) {
      violate('4.1.0.0-1', 'PUT statements: statementId differs from the statement id');
      return answer(res, 400, { error: 'statementId' });
    }
    const before = violations.length;
    for (const statement of list) accept(session, statement);
    if (violations.length > before) return answer(res, 400, { error: 'rejected' });
    return req.method === 'PUT'
      ? answer(res, 204)
      : answer(
          res,
          200,
          list.map((s) => s.id),
        );
  }

  /** Check one statement against the session and registration; record it when it passes. */
  function accept(session: Session, st: Json) {
    const before = violations.length;
    checkShape(session, st);
    const defined = (st?.context?.contextActivities?.category ?? []).some(
      (a: Json) => a?.id === categoryIds.cmi5,
    );
    const verb = verbName.get(st?.verb?.id) ?? st?.verb?.id;
    checkOrder(session, verb);
    if (defined) checkDefined(session, st, verb);
    if (violations.length > before) return;
    recorded.push({ statement: st, session: session.id, by: 'au' });
    if (verb === 'initialized') session.initialized = true;
    if (verb === 'terminated') session.terminatedAt = Date.now();
    if (!defined) return;
    session.verbs.push(verb);
    const reg = registrations.get(session.registration)!;
    if (verb === 'completed') reg.completed = true;
    if (verb === 'passed') reg.passed = true;
  }

  function checkShape(session: Session, st: Json) {
    if (typeof st?.id !== 'string' || !UUID.test(st.id))
      violate('9.1.0.0-1 (d)', `statement id ${JSON.stringify(st?.id)}`);
    if (typeof st?.timestamp !== 'string' || Number.isNaN(Date.parse(st.timestamp)))
      violate('9.7.0.0-1 (d)', `timestamp ${JSON.stringify(st?.timestamp)}`);
    else if (!UTC.test(st.timestamp)) violate('9.7.0.0-2 (d)', `timestamp ${st.timestamp}`);
    if (!same(st?.actor, session.actor))
      violate('8.1.3.0-3 (d)', `actor ${JSON.stringify(st?.actor)}`);
    if (st?.actor?.objectType !== 'Agent') violate('9.2.0.0-2', 'actor objectType');
    if (!st?.actor?.account) violate('9.2.0.0-3', 'actor without account');
    const context = st?.context;
    if (context?.registration !== session.registration)
      violate('9.6.1.0-1 (d)', `registration ${JSON.stringify(context?.registration)}`);
    checkTemplate(session, context);
  }

  /** The contextTemplate's values are all there, none overwritten (10.2.1, 9.6.2, 9.6.3.1). */
  function checkTemplate(session: Session, context: Json) {
    const template = session.contextTemplate;
    if (!context) return violate('10.2.1.0-6 (d)', 'statement without context');
    for (const [list, activities] of Object.entries(template.contextActivities ?? {}))
      for (const activity of activities as Json[])
        if (!(context.contextActivities?.[list] ?? []).some((a: Json) => same(a, activity)))
          violate('9.6.2.0-1 (d)', `contextActivities.${list} lacks ${activity.id}`);
    for (const [id, value] of Object.entries(template.extensions ?? {}))
      if (!same(context.extensions?.[id], value))
        violate(
          id === extensionIds.sessionId ? '9.6.3.1-4 (d)' : '10.2.1.0-7 (d)',
          `context extension ${id} is ${JSON.stringify(context.extensions?.[id])}`,
        );
  }

  function checkOrder(session: Session, verb: string) {
    if (session.terminatedAt !== undefined)
      violate('9.3.0.0-5 (d2)', `"${verb}" received after terminated`);
    if (!session.initialized && verb !== 'initialized')
      violate('9.3.0.0-4 (d2)', `"${verb}" received before initialized`);
  }

  function checkDefined(session: Session, st: Json, verb: string) {
    const reg = registrations.get(session.registration)!;
    if (st?.object?.id !== session.activityId)
      violate('8.1.5.0-6 (d)', `object id ${JSON.stringify(st?.object?.id)}`);
    if (!['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(verb))
      violate('9.3.0.0-1', `cmi5 defined statement with verb ${verb}`);
    if (verb === 'initialized') {
      if (session.initialized) violate('9.3.2.0-3 (d)', 'a second initialized');
      if (!session.preferencesRead)
        violate('11.0.0.0-3 (d2)', 'initialized before the learner preferences were read');
      if (!session.launchDataRead)
        violate('10.2.1.0-4', 'initialized before LMS.LaunchData was read');
    }
    if (session.verbs.includes(verb)) violate('9.3.0.0-2 (d)', `"${verb}" again in the session`);
    const judged = session.verbs.some((v) => v === 'passed' || v === 'failed');
    if ((verb === 'passed' || verb === 'failed') && judged)
      violate('9.3.0.0-3 (d)', `"${verb}" after passed or failed in the session`);
    if (verb === 'completed' && reg.completed)
      violate('9.3.0.0-6 (d2)', 'a second completed in the registration');
    if (verb === 'passed' && reg.passed)
      violate('9.3.0.0-7 (d2)', 'a second passed in the registration');
    if (verb === 'failed' && reg.passed)
      violate('9.3.0.0-8 (d)', 'failed after passed in the registration');
    if (['completed', 'passed', 'failed'].includes(verb) && session.launchMode !== 'Normal')
      violate(
        session.launchMode === 'Browse' ? '10.2.2.0-2 (d)' : '10.2.2.0-3 (d)',
        `"${verb}" in ${session.launchMode} mode`,
      );
    checkResult(session, st, verb);
  }

  function checkResult(session: Session, st: Json, verb: string) {
    const result = st?.result ?? {};
    const categories = (st?.context?.contextActivities?.category ?? []).map((a: Json) => a?.id);
    const moveOn = categories.includes(categoryIds.moveOn);
    const duration = typeof result.duration === 'string' && DURATION.test(result.duration);
    const rules: Record<string, () => void> = {
      completed: () => {
        if (result.completion !== true) violate('9.5.3.0-1 (d1)', 'completion is not true');
        if (!duration) violate('9.5.4.1-2 (d)', `duration ${result.duration}`);
        if (!moveOn) violate('9.6.2.2-1 (d1)', 'completed without the moveOn category');
      },
      passed: () => {
        if (result.success !== true) violate('9.5.2.0-1 (d1)', 'success is not true');
        if (!duration) violate('9.5.4.1-3 (d)', `duration ${result.duration}`);
        if (!moveOn) violate('9.6.2.2-1 (d2)', 'passed without the moveOn category');
        checkMastery(session, st, (scaled, mastery) => scaled >= mastery, '9.3.4.0-2 (d2)');
      },
      failed: () => {
        if (result.success !== false) violate('9.5.2.0-2 (d)', 'success is not false');
        if (!duration) violate('9.5.4.1-4 (d)', `duration ${result.duration}`);
        if (!moveOn) violate('9.6.2.2-1 (d3)', 'failed without the moveOn category');
        checkMastery(session, st, (scaled, mastery) => scaled < mastery, '9.3.5.0-2 (d)');
      },
      terminated: () => {
        if (!duration) violate('9.5.4.1-1 (d)', `duration ${result.duration}`);
      },
    };
    rules[verb]?.();
    const judging = verb === 'passed' || verb === 'failed';
    if (result.score !== undefined && !judging) violate('9.5.1.0-2 (d)', `score on ${verb}`);
    if (result.success !== undefined && !judging) violate('9.5.2.0-3 (d)', `success on ${verb}`);
    if (result.completion !== undefined && verb !== 'completed')
      violate('9.5.3.0-2 (d)', `completion on ${verb}`);
    if (moveOn && result.success === undefined && result.completion === undefined)
      violate('9.6.2.2-2 (d)', `moveOn category on ${verb} without success or completion`);
    if (result.score?.raw !== undefined && result.score.min === undefined)
      violate('9.5.1.0-3 (d1)', 'score.raw without score.min');
    if (result.score?.raw !== undefined && result.score.max === undefined)
      violate('9.5.1.0-3 (d2)', 'score.raw without score.max');
  }

  function checkMastery(
    session: Session,
    st: Json,
    holds: (scaled: number, mastery: number) => boolean,
    id: string,
  ) {
    const scaled = st?.result?.score?.scaled;
    if (scaled === undefined || session.masteryScore === undefined) return;
    if (!holds(scaled, session.masteryScore))
      violate(id, `score.scaled ${scaled} against masteryScore ${session.masteryScore}`);
    const stated = st?.context?.extensions?.[extensionIds.masteryScore];
    if (stated !== session.masteryScore)
      violate('9.6.3.2-2 (d)', `masteryScore extension ${JSON.stringify(stated)}`);
  }

  function launch(options: LaunchOptions): Session {
    const registration = options.registration ?? randomUUID();
    if (!registrations.has(registration))
      registrations.set(registration, { completed: false, passed: false });
    const actor = options.actor ?? {
      objectType: 'Agent',
      account: { homePage: 'https://lms.example.org', name: 'learner-1' },
    };
    // Unique per AU, the same on every launch in the registration, never the publisher id.
    const activityId = `https://lms.example.org/activities/${encodeURIComponent(options.auId)}`;
    const fetchKey = randomBytes(12).toString('hex');
    const session: Session = {
      id: randomUUID(),
      registration,
      actor,
      activityId,
      auId: options.auId,
      launchMode: options.launchMode ?? 'Normal',
      moveOn: options.moveOn ?? 'CompletedAndPassed',
      masteryScore: options.masteryScore,
      contextTemplate: {},
      launchUrl: '',
      token: Buffer.from(`session:${randomBytes(12).toString('hex')}`).toString('base64'),
      fetches: 0,
      launchDataRead: false,
      preferencesRead: false,
      initialized: false,
      verbs: [],
    };
    session.contextTemplate = {
      contextActivities: { grouping: [{ id: options.auId }] },
      extensions: { [extensionIds.sessionId]: session.id },
    };
    const launchData: Json = {
      contextTemplate: session.contextTemplate,
      launchMode: session.launchMode,
      moveOn: session.moveOn,
      ...(options.masteryScore === undefined ? {} : { masteryScore: options.masteryScore }),
      ...(options.returnURL ? { returnURL: options.returnURL } : {}),
    };
    states.set(
      stateKey(activityId, actor, registration, 'LMS.LaunchData'),
      JSON.stringify(launchData),
    );
    const preferences: Json = {};
    if (options.languagePreference) preferences.languagePreference = options.languagePreference;
    if (options.audioPreference) preferences.audioPreference = options.audioPreference;
    const profileKey = JSON.stringify([canonical(actor), 'cmi5LearnerPreferences']);
    if (Object.keys(preferences).length) profiles.set(profileKey, JSON.stringify(preferences));
    else profiles.delete(profileKey);
    const query = new URLSearchParams({
      endpoint: `${base}xapi/`,
      fetch: `${base}fetch/${fetchKey}`,
      actor: JSON.stringify(actor),
      registration,
      activityId,
    });
    session.launchUrl = `${options.url}?${query}`;
    sessions.set(session.id, session);
    fetchKeys.set(fetchKey, session);
    recordLaunched(session, options.url);
    return session;
  }

  /** The LMS's own "launched" statement (9.3.1), with the launch's context extensions. */
  function recordLaunched(session: Session, url: string) {
    const extensions: Json = {
      ...session.contextTemplate.extensions,
      [extensionIds.launchMode]: session.launchMode,
      [extensionIds.launchUrl]: url,
      [extensionIds.moveOn]: session.moveOn,
    };
    if (session.masteryScore !== undefined)
      extensions[extensionIds.masteryScore] = session.masteryScore;
    recorded.push({
      by: 'lms',
      session: session.id,
      statement: {
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        actor: session.actor,
        verb: { id: verbIds.launched, display: { 'en-US': 'launched' } },
        object: { objectType: 'Activity', id: session.activityId },
        context: {
          registration: session.registration,
          contextActivities: {
            grouping: session.contextTemplate.contextActivities.grouping,
            category: [{ id: categoryIds.cmi5 }],
          },
          extensions,
        },
      },
    });
  }

  function endOfSession(session: Session): string[] {
    const found: string[] = [];
    const flag = (id: string, detail: string) => found.push(`${requirement(id)}: ${detail}`);
    const own = recorded.filter((r) => r.by === 'au' && r.session === session.id);
    const byTime = [...own].sort(
      (a, b) => Date.parse(a.statement.timestamp) - Date.parse(b.statement.timestamp),
    );
    const names = byTime.map((r) => verbName.get(r.statement.verb.id) ?? r.statement.verb.id);
    if (!names.includes('initialized')) flag('7.1.1.0-1', 'no initialized statement');
    else if (names[0] !== 'initialized') flag('9.3.0.0-4', `first by timestamp: ${names[0]}`);
    if (!names.includes('terminated')) flag('9.3.8.0-1', 'no terminated statement');
    else if (names.at(-1) !== 'terminated') flag('9.3.0.0-5', `last by timestamp: ${names.at(-1)}`);
    if (session.fetches !== 1)
      flag('8.2.3.0-1', `the fetch URL was called ${session.fetches} times`);
    return found;
  }

  function satisfied(registration: string, moveOn: MoveOn): boolean {
    const reg = registrations.get(registration);
    if (!reg) return false;
    switch (moveOn) {
      case 'NotApplicable':
        return true;
      case 'Completed':
        return reg.completed;
      case 'Passed':
        return reg.passed;
      case 'CompletedAndPassed':
        return reg.completed && reg.passed;
      case 'CompletedOrPassed':
        return reg.completed || reg.passed;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    endpoint: `${base}xapi/`,
    launch,
    violations,
    statements: (session, all = false) =>
      recorded
        .filter((r) => (all || r.by === 'au') && (!session || r.session === session.id))
        .map((r) => r.statement),
    state: (session, stateId) => {
      const doc = states.get(
        stateKey(session.activityId, session.actor, session.registration, stateId),
      );
      return doc === undefined ? undefined : JSON.parse(doc);
    },
    endOfSession,
    satisfied,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** JSON with object keys sorted, for comparing agents however they were written. */
function canonical(value: Json): string {
  const sort = (v: Json): Json =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(v[k])]),
          )
        : v;
  return JSON.stringify(sort(value));
}
