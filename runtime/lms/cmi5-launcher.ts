/**
 * The launch page of a cmi5 package (`cmi5.html`, the AU's url in cmi5.xml). It holds the one AU
 * session of the launch and shows the course's pages in a frame below a small bar with an Exit
 * button, so that moving between pages never ends the session.
 *
 * On launch: the launch parameters from the query string, the authorization token from the
 * one-time `fetch` URL, `LMS.LaunchData` (contextTemplate, launchMode, masteryScore, returnURL),
 * the learner preferences (language, audio) and the learner's saved attempt (progress as
 * suspend-data text, the page they left, what the registration has heard) from the activity state:
 * the LRS, not this browser, knows the learner, so the bundle's progress store is seeded from it.
 * Then `initialized`, and the page they left or the home page of their language. Every change the
 * pages store is saved to the state and judged (cmi5-statements.ts). Exit, or leaving the page,
 * ends the session with `terminated` (after failed when due); Exit then opens the `returnURL`.
 * Nothing is sent after terminated.
 */
import type { CourseOutline } from '../logic/course-outline.ts';
import { emptyProgress, type ProgressState } from '../logic/progress.ts';
import { loadProgress, saveProgress, storageKey } from '../logic/progress-store.ts';
import { decodeSuspendData, encodeSuspendData } from '../logic/suspend-data.ts';
import { sessionTime } from './lms-api.ts';
import { lmsReport } from './lms-report.ts';
import { framePage, preferredLocale, resumablePage } from './launch-frame.ts';
import {
  fetchAuthToken,
  launchParams,
  xapiClient,
  type LaunchParams,
  type XapiClient,
} from './xapi-client.ts';
import {
  cmi5Statement,
  dueVerbs,
  learnerPreferences,
  masteryScoreExtension,
  progressExtension,
  readLaunchData,
  scoreOf,
  uuid,
  type Cmi5Verb,
  type LaunchData,
  type Reported,
  type Statement,
  type StatementResult,
} from './cmi5-statements.ts';

/** What the package target writes into cmi5.html (`<script id="polycourse-lms">`). */
export interface Cmi5LaunchConfig {
  courseId: string;
  /** Locales in the package, the first is the default. */
  locales: string[];
  outline: CourseOutline;
  /** The package's mastery score (0–1), used when the launch data states none. */
  masteryScore?: number;
}

/** The activity state document where the launcher keeps the learner's attempt. */
export const attemptStateId = 'https://polycourse.org/state/attempt';

/** The attempt as saved in the activity state. */
export interface SavedAttempt {
  format: 1;
  /** The whole progress, in suspend-data text (runtime/logic/suspend-data.ts). */
  progress: string;
  /** The page the learner was on, relative to the package root. */
  location?: string;
  /** What the registration has heard (completed and passed are sent once per registration). */
  reported: Reported;
}

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

interface Page {
  frame: HTMLIFrameElement;
  notice: HTMLElement;
  bar: HTMLElement;
  exit: HTMLButtonElement;
}

function say(page: Page, text: string): void {
  page.notice.hidden = false;
  page.notice.textContent = text;
}

async function start(config: Cmi5LaunchConfig): Promise<void> {
  const page: Page = {
    frame: document.getElementById('course') as HTMLIFrameElement,
    notice: document.getElementById('notice') as HTMLElement,
    bar: document.getElementById('lms-bar') as HTMLElement,
    exit: document.getElementById('exit') as HTMLButtonElement,
  };
  const params = launchParams(window.location.search);
  if (!params) {
    say(page, 'Opened outside an LMS: the course works here, and nothing is reported.');
    page.frame.src = `${config.locales[0]}/index.html`;
    return;
  }
  let opened: Awaited<ReturnType<typeof openSession>>;
  try {
    opened = await openSession(config, params);
  } catch (error) {
    say(
      page,
      `The LMS could not start the session (${(error as Error).message}): ` +
        'the course works here, and nothing is reported.',
    );
    page.frame.src = `${config.locales[0]}/index.html`;
    return;
  }
  new Attempt(config, params, opened, page).begin();
}

/** Token, launch data, learner preferences and saved attempt, in the order cmi5 asks. */
async function openSession(config: Cmi5LaunchConfig, params: LaunchParams) {
  const client = xapiClient(params, await fetchAuthToken(params.fetch));
  const launchData = readLaunchData(await client.getState('LMS.LaunchData'));
  const preferences = learnerPreferences(await client.getAgentProfile('cmi5LearnerPreferences'));
  const saved = (await client.getState(attemptStateId)) as Partial<SavedAttempt> | undefined;
  const decoded =
    typeof saved?.progress === 'string'
      ? decodeSuspendData(config.outline, saved.progress)
      : { state: emptyProgress(), warnings: [] };
  for (const warning of decoded.warnings) console.warn('[polycourse] saved progress:', warning);
  return {
    client,
    launchData,
    preferences,
    state: decoded.state,
    location: resumablePage(saved?.location, config.locales),
    reported: { completed: saved?.reported?.completed, passed: saved?.reported?.passed },
  };
}

/** One AU session: reports changes, ends once. */
class Attempt {
  private readonly client: XapiClient;
  private readonly launchData: LaunchData;
  private readonly mastery: number | undefined;
  private readonly outbox: Outbox;
  private readonly saver: StateSaver;
  private reported: Reported;
  private location: string | undefined;
  private began = Date.now();
  private lastStamp = 0;
  private judged = false;
  private ended = false;
  /** The last statements while Exit waits for the attempt to be saved. */
  private closing: Statement[] | undefined;

  constructor(
    private readonly config: Cmi5LaunchConfig,
    private readonly params: LaunchParams,
    private readonly opened: Awaited<ReturnType<typeof openSession>>,
    private readonly page: Page,
  ) {
    this.client = opened.client;
    this.launchData = opened.launchData;
    this.mastery = opened.launchData.masteryScore ?? config.masteryScore;
    this.reported = { ...opened.reported };
    this.location = opened.location;
    const warn = (error: unknown) => {
      console.warn('[polycourse] cmi5:', error);
      say(page, `The LMS did not accept what the course reported (${(error as Error).message}).`);
    };
    this.outbox = new Outbox(this.client, warn);
    this.saver = new StateSaver(this.client, warn);
  }

  begin(): void {
    const { page, config, opened } = this;
    this.began = Date.now();
    this.outbox.send([this.statement('initialized')]);
    saveProgress(storage, config.courseId, opened.state);
    const locale = preferredLocale(config.locales, opened.preferences.languages);
    page.frame.src = this.location ?? `${locale}/index.html`;
    page.bar.hidden = false;
    page.frame.addEventListener('load', () => {
      if (opened.preferences.audio === 'off') muteMedia(page.frame);
      const at = framePage(page.frame, window.location.href);
      if (at) this.location = at;
      this.report();
    });
    window.addEventListener('storage', (event) => {
      if (event.key === storageKey(config.courseId)) this.report();
    });
    page.exit.addEventListener('click', () => void this.exit());
    window.addEventListener('pagehide', () => this.leave());
  }

  private get normal(): boolean {
    return this.launchData.launchMode === 'Normal';
  }

  /** Judge and save the current progress (Normal mode only: Browse and Review record nothing). */
  private report(): void {
    if (this.ended || !this.normal) return;
    this.outbox.send(this.due(false));
    this.saver.save(this.attempt());
  }

  /** The judging statements due now; marks them reported. */
  private due(ending: boolean): Statement[] {
    const report = lmsReport(this.config.outline, this.progress());
    const verbs = dueVerbs(report, this.reported, this.mastery, {
      mode: this.launchData.launchMode,
      judged: this.judged,
      ending,
    });
    return verbs.map((verb) => {
      if (verb === 'completed') this.reported.completed = true;
      if (verb === 'passed') this.reported.passed = true;
      if (verb !== 'completed') this.judged = true;
      return this.judging(verb, report.score);
    });
  }

  private judging(verb: Cmi5Verb, score: number | undefined): Statement {
    const duration = sessionTime(Date.now() - this.began, '2004');
    if (verb === 'completed') return this.statement(verb, { completion: true, duration });
    const result: StatementResult = { success: verb === 'passed', duration };
    if (score !== undefined) result.score = scoreOf(score);
    // The mastery score the verb was judged by, when the LMS gave it (section 9.6.3.2).
    const fromLms = this.launchData.masteryScore;
    const extensions = fromLms === undefined ? undefined : { [masteryScoreExtension]: fromLms };
    return this.statement(verb, result, extensions);
  }

  private statement(
    verb: Cmi5Verb,
    result?: StatementResult,
    extensions?: Record<string, unknown>,
  ): Statement {
    // Ordered by timestamp (section 9.3): strictly increasing within the session.
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    const stamp = { id: uuid(), timestamp: new Date(this.lastStamp).toISOString() };
    const session = {
      actor: this.params.actor,
      activityId: this.params.activityId,
      registration: this.params.registration,
      contextTemplate: this.launchData.contextTemplate,
    };
    return cmi5Statement(session, verb, stamp, result, extensions);
  }

  private progress(): ProgressState {
    return loadProgress(storage, this.config.courseId).state;
  }

  private attempt(): SavedAttempt {
    const progress = encodeSuspendData(this.config.outline, this.progress(), Infinity);
    return { format: 1, progress, location: this.location, reported: { ...this.reported } };
  }

  /** The last statements of the session: failed when due, then terminated. Once. */
  private finish(): Statement[] {
    const last = this.normal ? this.due(true) : [];
    this.ended = true;
    const report = lmsReport(this.config.outline, this.progress());
    const result: StatementResult = { duration: sessionTime(Date.now() - this.began, '2004') };
    if (this.normal && !this.reported.completed)
      result.extensions = { [progressExtension]: Math.round(report.progress * 100) };
    return [...last, this.statement('terminated', result)];
  }

  /** The Exit button: save, terminate, then go to the LMS's returnURL (or say it is over). */
  private async exit(): Promise<void> {
    if (this.ended) return;
    this.closing = this.finish();
    if (this.normal) this.saver.save(this.attempt());
    this.page.exit.disabled = true;
    // The attempt is saved before terminated: the LMS may refuse requests after it.
    await this.saver.settled();
    if (this.closing) this.outbox.send(this.closing);
    this.closing = undefined;
    await this.outbox.settled();
    this.page.frame.remove();
    this.page.bar.hidden = true;
    const target = returnTarget(this.launchData.returnURL);
    if (target) window.location.assign(target);
    else say(this.page, 'You have left the course. You can close this window.');
  }

  /** The page goes away (closed, or the LMS removed it): save and terminate without waiting. */
  private leave(): void {
    if (this.ended) {
      // Exit was under way: send what it had not sent yet.
      this.outbox.flush(this.closing ?? []);
      this.closing = undefined;
      return;
    }
    const last = this.finish();
    if (this.normal) this.saver.save(this.attempt(), true);
    this.outbox.flush(last);
  }
}

/** The returnURL as an http(s) URL to open, or undefined (none, or another scheme). */
function returnTarget(returnURL: string | undefined): string | undefined {
  if (!returnURL) return undefined;
  try {
    const url = new URL(returnURL, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** audioPreference "off" (section 11.2): the frame's videos and sounds start muted. */
function muteMedia(frame: HTMLIFrameElement): void {
  try {
    for (const media of frame.contentDocument?.querySelectorAll('video, audio') ?? [])
      (media as HTMLMediaElement).muted = true;
  } catch {
    /* not a page of this package */
  }
}

/** Runs `drain` once at a time, again while `pending` says there is work; `settled` waits. */
class Serial {
  private running: Promise<void> | undefined;

  constructor(
    private readonly drain: () => Promise<void>,
    private readonly pending: () => boolean,
  ) {}

  kick(): void {
    if (this.running || !this.pending()) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      this.kick();
    });
  }

  async settled(): Promise<void> {
    while (this.running) await this.running;
  }
}

/** Statements in order, one request at a time; what is not sent yet goes with the last batch. */
class Outbox {
  private queue: Statement[] = [];
  private readonly serial = new Serial(
    () => this.drain(),
    () => this.queue.length > 0,
  );

  constructor(
    private readonly client: XapiClient,
    private readonly warn: (error: unknown) => void,
  ) {}

  send(statements: Statement[]): void {
    this.queue.push(...statements);
    this.serial.kick();
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      await this.client.postStatements(batch).catch(this.warn);
    }
  }

  settled(): Promise<void> {
    return this.serial.settled();
  }

  /** Send what is queued and `last` now, in one request (it outlives the page). */
  flush(last: Statement[]): void {
    const batch = [...this.queue.splice(0), ...last];
    if (batch.length) void this.client.postStatements(batch).catch(this.warn);
  }
}

/** The attempt document, written when it changed, one request at a time, the latest winning. */
class StateSaver {
  private latest: string | undefined;
  private written: string | undefined;
  private sending: string | undefined;
  /** The text whose write failed: not retried until the attempt changes again. */
  private failed: string | undefined;
  private readonly serial = new Serial(
    () => this.drain(),
    () => this.latest !== undefined && this.latest !== this.written && this.latest !== this.failed,
  );

  constructor(
    private readonly client: XapiClient,
    private readonly warn: (error: unknown) => void,
  ) {}

  /** Write when it changed; `now`: the page goes away, so without waiting for the last write. */
  save(attempt: SavedAttempt, now = false): void {
    this.latest = JSON.stringify(attempt);
    if (!now) return this.serial.kick();
    if (this.latest !== this.written && this.latest !== this.sending)
      void this.client.putState(attemptStateId, attempt).catch(this.warn);
  }

  private async drain(): Promise<void> {
    const text = this.latest!;
    this.sending = text;
    try {
      await this.client.putState(attemptStateId, JSON.parse(text));
      this.written = text;
    } catch (error) {
      this.failed = text;
      this.warn(error);
    } finally {
      this.sending = undefined;
    }
  }

  settled(): Promise<void> {
    return this.serial.settled();
  }
}

const configElement = document.getElementById('polycourse-lms');
if (configElement?.textContent)
  void start(JSON.parse(configElement.textContent) as Cmi5LaunchConfig);
