/**
 * The leaderboard of a course: the top 20 learners who opted in, overall or in one locale, all
 * time or this week (from Monday, UTC), and a learner's own rank among them. No bottom ranks are
 * ever listed; a learner who leaves the board disappears from it at once.
 */
import type { Payload, Where } from 'payload';
import { weekOf } from './record-events.ts';
import { boardKey, placeOnBoard, rankFromBoards, refreshBoard } from './redis-boards.ts';
import { readScore, type ScoreRow } from './progress-sql.ts';

export const boardSize = 20;

export interface BoardQuery {
  course: string;
  locale?: string;
  period: 'all' | 'week';
}

export interface BoardEntry {
  rank: number;
  name: string;
  points: number;
}

/**
 * Who is on a board: the one list of conditions that both the database's query (boardWhere) and a
 * check of one score row (onBoard) come from.
 */
function boardConditions(q: BoardQuery, week: string) {
  const conditions: [keyof ScoreRow, string | boolean][] = [
    ['courseId', q.course],
    ['listed', true],
  ];
  if (q.locale) conditions.push(['locale', q.locale]);
  if (q.period === 'week') conditions.push(['week', week]);
  return conditions;
}
const boardWhere = (q: BoardQuery, now: Date): Where =>
  Object.fromEntries(boardConditions(q, weekOf(now)).map(([f, v]) => [f, { equals: v }]));
const onBoard = (row: ScoreRow, q: BoardQuery, week: string) =>
  boardConditions(q, week).every(([f, v]) => row[f] === v);

const pointsField = (q: BoardQuery) => (q.period === 'week' ? 'weekPoints' : 'points');

/** The top 20; equal points share a rank (1, 2, 2, 4). */
export async function topLearners(
  payload: Payload,
  q: BoardQuery,
  now = new Date(),
): Promise<BoardEntry[]> {
  const field = pointsField(q);
  const found = await payload.find({
    collection: 'learner-scores',
    where: { ...boardWhere(q, now), [field]: { greater_than: 0 } },
    sort: [`-${field}`, 'updatedAt'],
    limit: boardSize,
    depth: 0,
    select: { name: true, points: true, weekPoints: true },
  });
  const rows = found.docs as unknown as { name?: string; points: number; weekPoints?: number }[];
  return rows.map((r, i) => {
    const points = (field === 'points' ? r.points : r.weekPoints) ?? 0;
    const before = rows.findIndex(
      (o) => ((field === 'points' ? o.points : o.weekPoints) ?? 0) === points,
    );
    return { rank: (before === -1 ? i : before) + 1, name: r.name ?? '', points };
  });
}

/**
 * How many learners have points on that board, and how many of them take part (the staff's view
 * of it, cms/components/StaffLeaderboard.tsx).
 */
export async function boardParticipation(
  payload: Payload,
  q: BoardQuery,
  now = new Date(),
): Promise<{ withPoints: number; listed: number }> {
  const { listed: _, ...anyone } = boardWhere(q, now);
  const scored = { [pointsField(q)]: { greater_than: 0 } };
  const count = async (where: Where) =>
    (await payload.count({ collection: 'learner-scores', where, overrideAccess: true })).totalDocs;
  const [withPoints, listed] = await Promise.all([
    count({ ...anyone, ...scored }),
    count({ ...boardWhere(q, now), ...scored }),
  ]);
  return { withPoints, listed };
}

/**
 * The learner's own rank on that board (1 + how many listed learners have more points), or why
 * there is none: not taking part, or no points yet. With Redis, counted in the board's sorted set
 * (cms/learners/redis-boards.ts); otherwise in the database.
 */
export async function rankOf(
  payload: Payload,
  learnerId: string | number,
  q: BoardQuery,
  now = new Date(),
): Promise<{ rank: number; points: number; of: number } | { rank: null; reason: string }> {
  const week = weekOf(now);
  const key = boardKey(q.course, q.period, week, q.locale);
  // With Redis, the learner's points and place in the board's set, at one moment.
  const placed = await placeOnBoard(payload, key, learnerId);
  if (placed) {
    if (placed.stale) refreshBoard(payload, key, boardWhere(q, now), pointsField(q));
    return { rank: placed.above + 1, points: placed.points, of: placed.of };
  }
  // Else the learner's own row in the course (one prepared indexed read), if it is on the board.
  const mine = await readScore(payload, learnerId, q.course);
  if (!mine || !onBoard(mine, q, week))
    return { rank: null, reason: 'not on this board (not taking part, or no points yet)' };
  const field = pointsField(q);
  const points = (field === 'points' ? mine.points : mine.weekPoints) ?? 0;
  if (points <= 0) return { rank: null, reason: 'no points on this board yet' };
  const where = boardWhere(q, now);
  const counted = await rankFromBoards(payload, key, where, field, points);
  if (counted) return { rank: counted.above + 1, points, of: counted.of };
  const [above, of] = await Promise.all([
    payload.count({
      collection: 'learner-scores',
      where: { ...where, [field]: { greater_than: points } },
    }),
    payload.count({
      collection: 'learner-scores',
      where: { ...where, [field]: { greater_than: 0 } },
    }),
  ]);
  return { rank: above.totalDocs + 1, points, of: of.totalDocs };
}

/**
 * The top 20 as this process last read it, for at most a second: the list is the same for every
 * reader, so a burst of reads costs one query. Leaving the board or deleting an account clears it
 * (`forgetBoards`), so a learner who leaves is gone at once from this process's answers.
 */
const recent = new Map<string, { at: number; top: Promise<BoardEntry[]> }>();
const recentKey = (q: BoardQuery) => `${q.course}|${q.locale ?? ''}|${q.period}`;
/** Has this process read that board less than a second ago (so answering it costs nothing)? */
export function hasRecentTop(q: BoardQuery): boolean {
  const hit = recent.get(recentKey(q));
  return Boolean(hit && Date.now() - hit.at < 1000);
}
export function recentTopLearners(payload: Payload, q: BoardQuery): Promise<BoardEntry[]> {
  const key = recentKey(q);
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < 1000) return hit.top;
  const top = topLearners(payload, q);
  recent.set(key, { at: Date.now(), top });
  top.catch(() => recent.delete(key));
  if (recent.size > 10_000) recent.clear();
  return top;
}
export const forgetBoards = () => recent.clear();
