/**
 * The writes of a learner's progress (record-events.ts): an event stored, the score row read and
 * written only if unchanged meanwhile. Prepared statements on SQLite and PostgreSQL
 * (sql-statements.ts says why); Payload's adapter calls on MongoDB, with the same effect.
 */
import { and, eq, sql } from '@payloadcms/db-postgres/drizzle';
import type { Payload, Where } from 'payload';
import { prepared, type Prepared } from './sql-statements.ts';

/** A learner's row of `learner-scores`, as the adapter reads it. */
export interface ScoreRow {
  id: string | number;
  learner: string | number;
  courseId: string;
  points: number;
  week?: string | null;
  weekBase?: number | null;
  weekPoints?: number | null;
  listed?: boolean | null;
  locale?: string | null;
  progress?: unknown;
  lastAt?: string | null;
  revision?: number | null;
}

/** The fields of a score row written by record-events.ts, every one given each time. */
const scoreFields = [
  'learner',
  'courseId',
  'locale',
  'name',
  'listed',
  'points',
  'week',
  'weekBase',
  'weekPoints',
  'progress',
  'lastAt',
  'revision',
  'updatedAt',
] as const;
export type ScoreData = Record<(typeof scoreFields)[number], unknown>;

const eventFields = ['learner', 'courseId', 'eventId', 'type', 'unit', 'locale', 'at'] as const;
/** An event's row: the fields above and those of its kind (a quiz's score, a challenge's state). */
const eventShapes = {
  plain: eventFields,
  quiz: [...eventFields, 'answers', 'correct', 'total', 'passed'],
  challenge: [...eventFields, 'done'],
} as const;

const placeholders = (fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, sql.placeholder(f)]));
/** The values of a statement's fields; a missing one is null (the drivers take no undefined). */
const values = (data: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, data[f] ?? null]));

/** Only the given fields: a field left out takes its column's default (null), as Payload's does. */
const insertStatement = (
  payload: Payload,
  table: string,
  shape: string,
  fields: readonly string[],
) =>
  prepared(payload, `polycourse_${table}_${shape}`, ({ drizzle, tables }, name) =>
    drizzle.insert(tables[table]).values(placeholders(fields)).prepare(name),
  ) as Prepared<Record<string, unknown>> | null;

/** Store one event; throws on a duplicate (the unique index of learner, course and event id). */
export async function insertEvent(payload: Payload, data: Record<string, unknown>): Promise<void> {
  const shape = 'answers' in data ? 'quiz' : 'done' in data ? 'challenge' : 'plain';
  const fields = eventShapes[shape];
  const statement = insertStatement(payload, 'learner_events', shape, fields);
  if (statement) await statement.execute(values(data, fields));
  else await payload.db.create({ collection: 'learner-events', data, returning: false });
}

export async function readScore(
  payload: Payload,
  learner: string | number,
  courseId: string,
): Promise<ScoreRow | null> {
  const statement = prepared(payload, 'polycourse_score_read', ({ drizzle, tables }, name) => {
    const scores = tables.learner_scores;
    return drizzle
      .select()
      .from(scores)
      .where(
        and(
          eq(scores.learner, sql.placeholder('learner')),
          eq(scores.courseId, sql.placeholder('courseId')),
        ),
      )
      .limit(1)
      .prepare(name) as Prepared<{ learner: string | number; courseId: string }, ScoreRow>;
  });
  if (statement) return (await statement.execute({ learner, courseId }))[0] ?? null;
  return (await payload.db.findOne({
    collection: 'learner-scores',
    where: { learner: { equals: learner }, courseId: { equals: courseId } },
  })) as ScoreRow | null;
}

/** The learner's first score row; throws when another request stored it first. */
export async function insertScore(payload: Payload, data: ScoreData): Promise<void> {
  const statement = insertStatement(payload, 'learner_scores', 'first', scoreFields);
  if (statement) await statement.execute(values(data, scoreFields));
  else await payload.db.create({ collection: 'learner-scores', data, returning: false });
}

/**
 * Write the score row only if its revision is still the one read (one UPDATE … WHERE … RETURNING):
 * the row written, or null when another request or process changed it meanwhile.
 */
export async function writeScore(
  payload: Payload,
  row: ScoreRow,
  data: ScoreData,
): Promise<ScoreRow | null> {
  const statement =
    row.revision != null &&
    prepared(payload, 'polycourse_score_update', ({ drizzle, tables }, name) => {
      const scores = tables.learner_scores;
      return drizzle
        .update(scores)
        .set(placeholders(scoreFields))
        .where(
          and(
            eq(scores.id, sql.placeholder('id')),
            eq(scores.revision, sql.placeholder('revisionRead')),
          ),
        )
        .returning()
        .prepare(name) as Prepared<Record<string, unknown>, ScoreRow>;
    });
  if (statement)
    return (
      (
        await statement.execute({
          ...values(data, scoreFields),
          id: row.id,
          revisionRead: row.revision,
        })
      )[0] ?? null
    );
  // A row written before revisions were kept (no revision) or on MongoDB: Payload's adapter.
  const unchanged: Where = {
    id: { equals: row.id },
    ...(row.revision == null
      ? { revision: { exists: false } }
      : { revision: { equals: row.revision } }),
  };
  return (await payload.db.updateOne({
    collection: 'learner-scores',
    where: unchanged,
    data,
    options: { atomic: true },
  })) as unknown as ScoreRow | null;
}
