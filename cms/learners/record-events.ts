/**
 * A batch of learner events from a bundle (the runtime's event seam): checked, stored once per
 * event id (a retried batch counts once), quiz attempts scored here from the course's answer keys,
 * and the learner's points counted with the course's rules (the new events added to the progress
 * kept on the score row, or everything stored counted again): the same pure functions the bundle
 * runs (runtime/logic), never the client's claims.
 */
import type { Payload, Where } from 'payload';
import { z } from 'zod';
import { slugPattern } from '../../compiler/model/slug-ids.ts';
import {
  emptyProgress,
  recordChallengeDone,
  recordQuizAttempt,
  recordView,
  recordWatched,
  summarize,
  type ProgressState,
} from '../../runtime/logic/progress.ts';
import { scoreQuiz } from '../../runtime/logic/scoring.ts';
import { publishedCourseRules, type CourseRules } from './course-rules.ts';
import { moveOnBoards } from './redis-boards.ts';
import { insertEvent, insertScore, readScore, writeScore, type ScoreRow } from './progress-sql.ts';

const eventId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and -, at most 64');
const unit = z.string().max(201);
const at = z.iso.datetime({ offset: true }).optional();

export const learnerEvent = z.discriminatedUnion('type', [
  z.object({ id: eventId, type: z.literal('unit-viewed'), unit, at }),
  z.object({ id: eventId, type: z.literal('video-watched'), unit, at }),
  z.object({
    id: eventId,
    type: z.literal('quiz-attempt'),
    unit,
    at,
    answers: z
      .record(z.string().max(64), z.array(z.string().max(140)).max(50))
      .refine((a) => Object.keys(a).length <= 100, 'at most 100 questions'),
  }),
  z.object({ id: eventId, type: z.literal('challenge-done'), unit, at, done: z.boolean() }),
  z.object({
    id: eventId,
    type: z.literal('questionnaire-response'),
    at,
    phase: z.enum(['pre', 'post']),
    answers: z.record(z.string().max(64), z.number().int()),
    /** the version of the consent text the learner agreed to */
    consent: z.string().min(1).max(100),
  }),
  /** The learner takes back their consent: the answers of that phase are deleted. */
  z.object({
    id: eventId,
    type: z.literal('questionnaire-withdrawn'),
    at,
    phase: z.enum(['pre', 'post']),
  }),
]);
export type LearnerEventInput = z.infer<typeof learnerEvent>;

export const eventBatch = z.object({
  course: z.string().regex(slugPattern, 'a course id (a slug)').max(100),
  locale: z.string().max(20),
  events: z.array(learnerEvent).min(1).max(100),
});
export type EventBatch = z.infer<typeof eventBatch>;

export interface LearnerRef {
  id: string | number;
  username?: string | null;
  displayName?: string | null;
  leaderboard?: boolean | null;
  evaluationKey?: string | null;
}

export interface RecordResult {
  accepted: string[];
  duplicates: string[];
  /** quiz attempts as the server scored them */
  scored: Record<string, { correct: number; total: number; percent: number; passed: boolean }>;
  points: number;
  units: { done: number; total: number };
}

/** A refusal of the whole batch: HTTP status, message and where in the batch. */
export class EventRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const kindFor = {
  'unit-viewed': undefined,
  'video-watched': 'video',
  'quiz-attempt': 'quiz',
  'challenge-done': 'challenge',
} as const;

type QuestionnaireEvent = Extract<
  LearnerEventInput,
  { type: 'questionnaire-response' | 'questionnaire-withdrawn' }
>;
type UnitEvent = Exclude<LearnerEventInput, QuestionnaireEvent>;
const isQuestionnaireEvent = (e: LearnerEventInput): e is QuestionnaireEvent =>
  e.type === 'questionnaire-response' || e.type === 'questionnaire-withdrawn';

/** Is `key` (module/unit) a unit of the course, of the kind this event needs? */
function checkUnit(rules: CourseRules, e: UnitEvent, index: number) {
  const [moduleId, unitId] = e.unit.split('/');
  const found = rules.outline.modules
    .find((m) => m.id === moduleId)
    ?.units.find((u) => u.id === unitId);
  const wanted = kindFor[e.type];
  if (!found || (wanted && found.kind !== wanted))
    throw new EventRefusal(
      400,
      `events[${index}].unit: "${e.unit}" is not a ${wanted ?? 'unit'} of course ` +
        `"${rules.outline.id}" (module/unit, as in the bundle's outline).`,
    );
}

/** Monday (UTC) of the week holding `date`, YYYY-MM-DD. */
export function weekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The device's clock, kept within the last 30 days and never in the future. */
function when(at: string | undefined, now: Date): Date {
  const t = at ? Date.parse(at) : NaN;
  const earliest = now.getTime() - 30 * 24 * 60 * 60 * 1000;
  return new Date(Number.isNaN(t) ? now.getTime() : Math.min(now.getTime(), Math.max(earliest, t)));
}

interface StoredEvent {
  type: string;
  unit: string;
  correct?: number | null;
  passed?: boolean | null;
  done?: boolean | null;
  /** when it happened, ISO 8601 (UTC) */
  at: string;
}

/** Progress from the stored events, in the order they happened, added to `state`. */
export function progressOf(
  events: StoredEvent[],
  rules: CourseRules,
  state = emptyProgress(),
): ProgressState {
  for (const e of events) {
    if (e.type === 'unit-viewed') state = recordView(state, e.unit);
    else if (e.type === 'video-watched') state = recordWatched(state, e.unit);
    else if (e.type === 'challenge-done') state = recordChallengeDone(state, e.unit, !!e.done);
    else if (e.type === 'quiz-attempt')
      state = recordQuizAttempt(state, e.unit, e.correct ?? 0, !!e.passed, rules.outline.points);
  }
  return state;
}

/**
 * After a refused insert: is the row there now, stored first by a racing request (a retry, another
 * process)? Then the refusal was the unique index; any other failure is rethrown by the caller.
 */
async function storedMeanwhile(
  payload: Payload,
  collection: 'learner-events' | 'learner-scores',
  where: Where,
): Promise<boolean> {
  return (await payload.count({ collection, where, overrideAccess: true })).totalDocs > 0;
}

export async function recordEvents(
  payload: Payload,
  learner: LearnerRef,
  batch: EventBatch,
  now = new Date(),
): Promise<RecordResult> {
  const rules = await publishedCourseRules(payload, batch.course);
  if (!rules) throw new EventRefusal(404, `There is no published course "${batch.course}".`);
  if (!rules.locales.includes(batch.locale))
    throw new EventRefusal(
      400,
      `locale: course "${batch.course}" is not published in "${batch.locale}" ` +
        `(it is in ${rules.locales.join(', ')}).`,
    );
  batch.events.forEach((e, i) => {
    if (!isQuestionnaireEvent(e)) checkUnit(rules, e, i);
    else if (e.type === 'questionnaire-response' && e.consent !== rules.consent)
      throw new EventRefusal(
        400,
        rules.consent
          ? `events[${i}].consent: "${e.consent}" is not the consent the course asks for now ` +
              `("${rules.consent}"); reload the questionnaire page and agree to its text.`
          : `events[${i}]: course "${batch.course}" asks for no consent, so it takes no ` +
              "questionnaire answers; they stay on the learner's device.",
      );
  });
  const ids = batch.events.map((e) => e.id);
  // A batch of one event (a device online sends each as it happens) is not looked up first: the
  // unique index refuses it when it is a retry, and it is then found stored (below).
  const existing =
    ids.length === 1
      ? { docs: [] }
      : await payload.find({
          collection: 'learner-events',
          where: {
            learner: { equals: learner.id },
            courseId: { equals: batch.course },
            eventId: { in: ids },
          },
          depth: 0,
          limit: ids.length,
          pagination: false,
          select: { eventId: true },
        });
  const seen = new Set(existing.docs.map((d) => (d as { eventId: string }).eventId));
  const stored: StoredEvent[] = [];
  const result: RecordResult = {
    accepted: [],
    duplicates: [],
    scored: {},
    points: 0,
    units: { done: 0, total: 0 },
  };
  for (const e of batch.events) {
    if (seen.has(e.id)) {
      result.duplicates.push(e.id);
      continue;
    }
    seen.add(e.id);
    if (isQuestionnaireEvent(e)) {
      // Stored once per learner and phase (a retry or a second answer replaces it; a withdrawal
      // deletes it).
      await storeQuestionnaire(payload, learner, batch, e);
      result.accepted.push(e.id);
      continue;
    }
    const data: Record<string, unknown> = {
      learner: learner.id,
      courseId: batch.course,
      eventId: e.id,
      type: e.type,
      unit: e.unit,
      locale: batch.locale,
      at: when(e.at, now).toISOString(),
    };
    if (e.type === 'challenge-done') data.done = e.done;
    if (e.type === 'quiz-attempt') {
      const quiz = rules.quizzes.get(e.unit)!;
      const score = scoreQuiz(quiz.questions, e.answers, quiz.passMark);
      Object.assign(data, {
        answers: e.answers,
        correct: score.correct,
        total: score.total,
        passed: score.passed,
      });
      result.scored[e.id] = {
        correct: score.correct,
        total: score.total,
        percent: score.percent,
        passed: score.passed,
      };
    }
    try {
      await insertEvent(payload, data);
      result.accepted.push(e.id);
      stored.push(data as unknown as StoredEvent);
    } catch (error) {
      // The same event from a retry that another request or process stored first.
      const mine = { learner: { equals: learner.id }, courseId: { equals: batch.course } };
      if (
        !(await storedMeanwhile(payload, 'learner-events', { ...mine, eventId: { equals: e.id } }))
      )
        throw error;
      result.duplicates.push(e.id);
      delete result.scored[e.id];
    }
  }
  const summary = await updateScore(payload, learner, batch, rules, stored, now);
  result.points = summary.points;
  result.units = summary.units;
  return result;
}

async function storeQuestionnaire(
  payload: Payload,
  learner: LearnerRef,
  batch: EventBatch,
  e: QuestionnaireEvent,
) {
  const key = learner.evaluationKey;
  if (!key) throw new EventRefusal(500, 'This account has no evaluation key.');
  const where = {
    courseId: { equals: batch.course },
    learner: { equals: key },
    phase: { equals: e.phase },
  };
  if (e.type === 'questionnaire-withdrawn') {
    await payload.delete({ collection: 'questionnaire-responses', where, overrideAccess: true });
    return;
  }
  const data = {
    courseId: batch.course,
    learner: key,
    phase: e.phase,
    answers: e.answers,
    groups: { locale: batch.locale },
    consentVersion: e.consent,
  };
  const found = await payload.find({
    collection: 'questionnaire-responses',
    where,
    depth: 0,
    limit: 1,
    overrideAccess: true,
  });
  try {
    if (found.docs[0])
      await payload.update({
        collection: 'questionnaire-responses',
        id: found.docs[0].id,
        data,
        overrideAccess: true,
      });
    else
      await payload.create({ collection: 'questionnaire-responses', data, overrideAccess: true });
  } catch (error) {
    const errors = (error as { data?: { errors?: { message: string }[] } }).data?.errors;
    if (errors?.length)
      throw new EventRefusal(400, `${e.id}: ${errors.map((x) => x.message).join(' ')}`);
    throw error;
  }
}

/**
 * The learner's points in the course after the events just stored. Incremental: the progress kept
 * on the score row plus the new events, when they all happened at or after the last one it counted
 * (what a device sends in order); otherwise (a device that was offline sends older events) it is
 * recomputed from every stored event. Applying an event twice changes no points (views, bests and
 * challenge states are idempotent), so a race can only cost a recount, never a wrong score.
 *
 * The row is written only if its revision is still the one read (one atomic UPDATE … WHERE): when
 * another request or process changed it meanwhile, the points are recomputed from every event and
 * written again. The rows are read and written with prepared statements (progress-sql.ts), not
 * `payload.update`: the operation adds a transaction, a document-lock check and re-reads per write,
 * 16 SQL statements for a quiz attempt against 3 (`npm run bench:learner-writes`); the board hook
 * it would run is called below.
 */
async function updateScore(
  payload: Payload,
  learner: LearnerRef,
  batch: EventBatch,
  rules: CourseRules,
  added: StoredEvent[],
  now: Date,
) {
  const mine: Where = { learner: { equals: learner.id }, courseId: { equals: batch.course } };
  const byTime = (a: StoredEvent, b: StoredEvent) => a.at.localeCompare(b.at);
  const newest = added.reduce<string | undefined>((m, e) => (m && m > e.at ? m : e.at), undefined);
  for (let attempt = 0; ; attempt++) {
    const row = await readScore(payload, learner.id, batch.course);
    const progress = row?.progress as ProgressState | null | undefined;
    const kept = progress?.version === 1 ? progress : undefined;
    if (kept && !added.length) return summarize(rules.outline, kept);
    const keptUntil = row?.lastAt ? new Date(row.lastAt).toISOString() : '';
    let state: ProgressState;
    let lastAt: string | undefined;
    if (attempt === 0 && kept && added.every((e) => e.at >= keptUntil)) {
      state = progressOf([...added].sort(byTime), rules, kept);
      lastAt = newest;
    } else {
      const all = await payload.find({
        collection: 'learner-events',
        where: mine,
        depth: 0,
        limit: 0,
        pagination: false,
        sort: 'at',
        select: { type: true, unit: true, correct: true, passed: true, done: true, at: true },
      });
      const events = (all.docs as unknown as StoredEvent[]).map((e) => ({
        ...e,
        at: new Date(e.at).toISOString(),
      }));
      state = progressOf(events, rules);
      lastAt = events.at(-1)?.at;
    }
    const summary = summarize(rules.outline, state);
    const week = weekOf(now);
    const weekBase = !row ? 0 : row.week === week ? (row.weekBase ?? 0) : row.points;
    const revision = (row?.revision ?? 0) + 1;
    const data = {
      learner: learner.id,
      courseId: batch.course,
      locale: batch.locale,
      name: learner.displayName || learner.username || '',
      listed: Boolean(learner.leaderboard),
      points: summary.points,
      week,
      weekBase,
      weekPoints: summary.points - weekBase,
      progress: state,
      lastAt,
      revision,
      updatedAt: now.toISOString(),
    };
    let written: Omit<ScoreRow, 'id'> | null;
    if (row) written = await writeScore(payload, row, data);
    else {
      try {
        await insertScore(payload, data);
        written = data;
      } catch (error) {
        // Another request stored the learner's first row meanwhile: read it and count again.
        if (!(await storedMeanwhile(payload, 'learner-scores', mine))) throw error;
        written = null;
      }
    }
    if (written) {
      await moveOnBoards(payload, written, row ?? undefined);
      return summary;
    }
    if (attempt >= 5)
      throw new Error(`The score of learner ${learner.id} in "${batch.course}" kept changing.`);
  }
}
