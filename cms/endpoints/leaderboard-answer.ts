/**
 * GET /api/learner/leaderboard?course=&locale=&period=all|week, the top 20: the hottest public
 * read of the learner services. The same answer from the Payload endpoint (learner-api.ts) and
 * from `polycourse cms`'s front server, which answers it before Next.js (cli/front-server.ts). A
 * list this process read less than a second ago costs nothing to send again, so only a read that
 * goes to the database counts against the reader's rate limit.
 */
import type { PayloadRequest } from 'payload';
import { slugPattern } from '../../compiler/model/slug-ids.ts';
import {
  boardSize,
  hasRecentTop,
  recentTopLearners,
  type BoardQuery,
} from '../learners/leaderboard.ts';
import { clientAddress, overLimit } from '../learners/rate-limit.ts';
import { problem, reply, type AnsweredRequest } from './learner-http.ts';

export const leaderboardPath = '/api/learner/leaderboard';

/** The board a query names, or what is wrong with it. */
export function boardQuery(q: URLSearchParams): BoardQuery | string {
  const course = q.get('course') ?? '';
  const locale = q.get('locale') ?? undefined;
  const period = q.get('period') ?? 'all';
  if (!slugPattern.test(course) || course.length > 100)
    return 'course: give the course id, e.g. ?course=rights-based-mental-health';
  if (locale !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale))
    return `locale: "${locale.slice(0, 20)}" is not a locale code (e.g. fr, pt-BR)`;
  if (period !== 'all' && period !== 'week') return 'period: all or week';
  return { course, locale, period };
}

export async function leaderboardAnswer(
  req: AnsweredRequest & Pick<PayloadRequest, 'searchParams'>,
): Promise<Response> {
  const q = boardQuery(req.searchParams);
  if (typeof q === 'string') return problem(req, 400, q);
  if (!hasRecentTop(q)) {
    const limited = await overLimit(req, 'read', clientAddress(req));
    if (limited) return limited;
  }
  const top = await recentTopLearners(req.payload, q);
  // The same list for everyone: a CDN or proxy may keep it for 10 s.
  return reply(req, { ...q, size: boardSize, top }, 200, {
    'Cache-Control': 'public, max-age=10, s-maxage=10',
  });
}
