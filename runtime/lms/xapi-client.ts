/**
 * The AU side of a cmi5 launch over HTTP (cmi5 sections 8 and 10–11, xAPI 1.0.3): the launch
 * parameters the LMS appends to the launch URL, the one-time POST to the `fetch` URL for the
 * authorization token, and the few xAPI resources an AU uses (statements, activity state, agent
 * profile), each request with `Authorization: Basic <token>` and `X-Experience-API-Version`.
 * The browser's fetch API only; no xAPI library (an AU needs four calls).
 */

/** An xAPI Agent as the LMS gave it (cmi5: objectType Agent with an `account`). */
export type Agent = Record<string, unknown>;

/** The query string parameters of a cmi5 launch (section 8.1), in any order. */
export interface LaunchParams {
  /** Base endpoint of the LMS's xAPI listener. */
  endpoint: string;
  /** One-time URL that gives the authorization token. */
  fetch: string;
  actor: Agent;
  registration: string;
  /** The AU's activity id for this LMS (never the publisher id of cmi5.xml). */
  activityId: string;
}

/** The launch parameters of `search` (`location.search`), or undefined outside a cmi5 launch. */
export function launchParams(search: string): LaunchParams | undefined {
  const query = new URLSearchParams(search);
  const [endpoint, fetchUrl, actorText, registration, activityId] = [
    'endpoint',
    'fetch',
    'actor',
    'registration',
    'activityId',
  ].map((name) => query.get(name) ?? '');
  if (!endpoint || !fetchUrl || !actorText || !registration || !activityId) return undefined;
  try {
    const actor = JSON.parse(actorText) as unknown;
    if (!actor || typeof actor !== 'object' || Array.isArray(actor)) return undefined;
    return { endpoint, fetch: fetchUrl, actor: actor as Agent, registration, activityId };
  } catch {
    return undefined;
  }
}

/** POST the `fetch` URL once (section 8.2): the token, or an error with the LMS's reason. */
export async function fetchAuthToken(fetchUrl: string): Promise<string> {
  const response = await fetch(fetchUrl, { method: 'POST', cache: 'no-store' });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const token = body['auth-token'];
  if (response.ok && typeof token === 'string' && token) return token;
  const code = body['error-code'] === undefined ? `HTTP ${response.status}` : body['error-code'];
  throw new Error(`the fetch URL gave no token (${code}: ${String(body['error-text'] ?? '')})`);
}

export interface XapiClient {
  /** A state document of this activity, learner and registration; undefined when there is none. */
  getState(stateId: string): Promise<unknown>;
  putState(stateId: string, document: unknown): Promise<void>;
  /** An agent profile document of the learner; undefined when there is none. */
  getAgentProfile(profileId: string): Promise<unknown>;
  /** POST statements in one request (an LRS stores a batch whole or not at all). */
  postStatements(statements: object[]): Promise<void>;
}

export function xapiClient(params: LaunchParams, token: string): XapiClient {
  const base = params.endpoint.endsWith('/') ? params.endpoint : `${params.endpoint}/`;
  const agent = JSON.stringify(params.actor);
  const url = (resource: string, query: Record<string, string>) => {
    const u = new URL(resource, base);
    for (const [name, value] of Object.entries(query)) u.searchParams.set(name, value);
    return u.href;
  };
  const stateUrl = (stateId: string) =>
    url('activities/state', {
      activityId: params.activityId,
      agent,
      registration: params.registration,
      stateId,
    });
  const request = async (href: string, method: 'GET' | 'PUT' | 'POST', body?: unknown) => {
    const headers: Record<string, string> = {
      Authorization: `Basic ${token}`,
      'X-Experience-API-Version': '1.0.3',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(href, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      // Writes outlive the page: one under way when the learner leaves still reaches the LRS.
      keepalive: method !== 'GET',
    });
    if (method === 'GET' && response.status === 404) return undefined;
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new Error(`${method} ${new URL(href).pathname}: HTTP ${response.status} ${text}`);
    }
    return method === 'GET' ? ((await response.json()) as unknown) : undefined;
  };
  return {
    getState: (stateId) => request(stateUrl(stateId), 'GET'),
    putState: async (stateId, document) => {
      await request(stateUrl(stateId), 'PUT', document);
    },
    getAgentProfile: (profileId) => request(url('agents/profile', { agent, profileId }), 'GET'),
    postStatements: async (statements) => {
      await request(url('statements', {}), 'POST', statements);
    },
  };
}
