/**
 * The learner services' API, for the bundles (docs/learner-services.md). Every answer is JSON; a
 * learner is identified by `Authorization: Bearer <token>` from sign-up or login, never by a
 * cookie:
 * - POST /api/learner/sign-up {username, password, displayName?, email?, leaderboard?} → token
 * - POST /api/learner/login {username, password} → token (5 failures lock the account 10 min)
 * - POST /api/learner/logout [{everywhere: true}]: this token's session ends (or every session)
 * - GET /api/learner/me · PATCH /api/learner/me {displayName?, leaderboard?}
 * - DELETE /api/learner/me: the account and everything stored with it
 * - GET /api/learner/me/data: everything stored about the learner, as one JSON download
 * - POST /api/learner/events {course, locale, events: [...]} → what was stored, scored, the points
 * - GET /api/learner/leaderboard?course=&locale=&period=all|week → the top 20 (public, cached)
 * - GET /api/learner/rank?course=&locale=&period= → the learner's own rank
 * Rate limits: cms/learners/rate-limit.ts. Errors: `{ errors: [{ message }] }` with 400, 401, 403,
 * 404, 413 or 429.
 */
import {
  LockedAuth,
  logoutOperation,
  type Endpoint,
  type Payload,
  type PayloadRequest,
} from 'payload';
import { z } from 'zod';
import { learnerLimits } from '../collections/Learners.ts';
import {
  boardSize,
  forgetBoards,
  hasRecentTop,
  rankOf,
  recentTopLearners,
  type BoardQuery,
} from '../learners/leaderboard.ts';
import { anonymizeInForums, forumDataOf, renameInForums } from '../learners/forums.ts';
import { clientAddress, overLimit } from '../learners/rate-limit.ts';
import {
  EventRefusal,
  eventBatch,
  recordEvents,
  type LearnerRef,
} from '../learners/record-events.ts';
import { slugPattern } from '../../compiler/model/slug-ids.ts';
import { issues, jsonBody, needsLearner, problem, reply, signedInLearner } from './learner-http.ts';

const username = z
  .string()
  .min(3)
  .max(learnerLimits.username)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, ".", "_" and "-" only');
const password = z.string().min(learnerLimits.minPassword).max(learnerLimits.password);
const displayName = z
  .string()
  .trim()
  .min(1)
  .max(learnerLimits.displayName)
  .regex(/^[^<>\p{Cc}]+$/u, 'no control characters or angle brackets');

const signUp = z.object({
  username,
  password,
  displayName: displayName.optional(),
  email: z.email().max(200).optional(),
  leaderboard: z.boolean().optional(),
});
const login = z.object({ username: z.string().max(200), password: z.string().max(200) });
const logout = z.object({ everywhere: z.boolean().optional() }).strict();
const profile = z
  .object({ displayName: displayName.optional(), leaderboard: z.boolean().optional() })
  .strict();

/** What a learner sees of their own account. */
const publicLearner = (l: LearnerRef & { email?: string | null }) => ({
  id: l.id,
  username: l.username,
  displayName: l.displayName ?? null,
  email: l.email ?? null,
  leaderboard: Boolean(l.leaderboard),
});

async function issueToken(payload: Payload, name: string, pass: string) {
  const result = await payload.login({
    collection: 'learners',
    data: (name.includes('@')
      ? { email: name, password: pass }
      : { username: name, password: pass }) as never,
  });
  return { token: result.token, exp: result.exp, learner: publicLearner(result.user as never) };
}

/** The learner's display name and opt-in on every score row (the board shows them). */
async function syncScores(payload: Payload, learner: LearnerRef) {
  await payload.update({
    collection: 'learner-scores',
    where: { learner: { equals: learner.id } },
    data: {
      name: learner.displayName || learner.username || '',
      listed: Boolean(learner.leaderboard),
    },
    overrideAccess: true,
  });
}

function boardQuery(req: PayloadRequest): BoardQuery | string {
  const q = req.searchParams;
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

export const learnerEndpoints: Endpoint[] = [
  {
    path: '/learner/sign-up',
    method: 'post',
    handler: async (req) => {
      const limited = await overLimit(req, 'signUp', clientAddress(req));
      if (limited) return limited;
      const body = await jsonBody(req);
      if (body instanceof Response) return body;
      const parsed = signUp.safeParse(body);
      if (!parsed.success) return problem(req, 400, issues(parsed.error));
      const { username: name, password: pass, ...rest } = parsed.data;
      const taken = await req.payload.count({
        collection: 'learners',
        where: { username: { equals: name } },
        overrideAccess: true,
      });
      if (taken.totalDocs)
        return problem(req, 400, `username: "${name}" is taken; choose another.`);
      try {
        await req.payload.create({
          collection: 'learners',
          data: { username: name, password: pass, ...rest } as never,
          overrideAccess: true,
        });
      } catch (error) {
        const errors = (error as { data?: { errors?: { path?: string; message: string }[] } }).data
          ?.errors;
        if (errors?.length)
          return problem(
            req,
            400,
            errors.map((e) => `${e.path ?? 'body'}: ${e.message}`).join('; '),
          );
        throw error;
      }
      return reply(req, await issueToken(req.payload, name, pass), 201);
    },
  },
  {
    path: '/learner/login',
    method: 'post',
    handler: async (req) => {
      const limited = await overLimit(req, 'login', clientAddress(req));
      if (limited) return limited;
      const body = await jsonBody(req);
      if (body instanceof Response) return body;
      const parsed = login.safeParse(body);
      if (!parsed.success) return problem(req, 400, issues(parsed.error));
      try {
        return reply(
          req,
          await issueToken(req.payload, parsed.data.username, parsed.data.password),
        );
      } catch (error) {
        const status = (error as { status?: number }).status;
        // Payload answers a locked account with 401 too; tell the learner why and for how long.
        if (error instanceof LockedAuth)
          return problem(
            req,
            423,
            'This account is locked after too many failed sign-ins; try again in 10 minutes.',
          );
        if (status === 401 || status === 400)
          return problem(req, 401, 'The username or the password is wrong.');
        throw error;
      }
    },
  },
  {
    // Ends this token's session on the server (other devices stay signed in), or with
    // {everywhere: true} every session of the account (a device left signed in); sets no cookie.
    path: '/learner/logout',
    method: 'post',
    handler: async (req) => {
      if (!signedInLearner(req)) return needsLearner(req);
      const body = await jsonBody(req, {});
      if (body instanceof Response) return body;
      const parsed = logout.safeParse(body);
      if (!parsed.success) return problem(req, 400, issues(parsed.error));
      const everywhere = Boolean(parsed.data.everywhere);
      await logoutOperation({
        collection: req.payload.collections.learners,
        req,
        allSessions: everywhere,
      });
      return reply(req, { signedOut: true, ...(everywhere ? { everywhere } : {}) });
    },
  },
  {
    path: '/learner/me',
    method: 'get',
    handler: async (req) => {
      const learner = signedInLearner(req);
      if (!learner) return needsLearner(req);
      const scores = await req.payload.find({
        collection: 'learner-scores',
        where: { learner: { equals: learner.id } },
        depth: 0,
        limit: 100,
        overrideAccess: true,
        select: { courseId: true, locale: true, points: true, weekPoints: true, week: true },
      });
      return reply(req, { learner: publicLearner(learner), scores: scores.docs });
    },
  },
  {
    path: '/learner/me',
    method: 'patch',
    handler: async (req) => {
      const learner = signedInLearner(req);
      if (!learner) return needsLearner(req);
      const body = await jsonBody(req);
      if (body instanceof Response) return body;
      const parsed = profile.safeParse(body);
      if (!parsed.success) return problem(req, 400, issues(parsed.error));
      const updated = (await req.payload.update({
        collection: 'learners',
        id: learner.id,
        data: parsed.data as never,
        overrideAccess: true,
      })) as unknown as LearnerRef;
      await syncScores(req.payload, updated);
      if (parsed.data.displayName !== undefined) await renameInForums(req.payload, updated);
      forgetBoards();
      return reply(req, { learner: publicLearner(updated) });
    },
  },
  {
    path: '/learner/me',
    method: 'delete',
    handler: async (req) => {
      const learner = signedInLearner(req);
      if (!learner) return needsLearner(req);
      const mine = { learner: { equals: learner.id } };
      await req.payload.delete({ collection: 'learner-scores', where: mine, overrideAccess: true });
      await req.payload.delete({ collection: 'learner-events', where: mine, overrideAccess: true });
      // Questionnaire answers were given under consent; leaving withdraws it (docs/privacy.md).
      if (learner.evaluationKey)
        await req.payload.delete({
          collection: 'questionnaire-responses',
          where: { learner: { equals: learner.evaluationKey } },
          overrideAccess: true,
        });
      // Posts stay in their threads without the learner's name (docs/privacy.md).
      await anonymizeInForums(req.payload, learner.id);
      await req.payload.delete({ collection: 'learners', id: learner.id, overrideAccess: true });
      forgetBoards();
      return reply(req, { deleted: true });
    },
  },
  {
    path: '/learner/me/data',
    method: 'get',
    handler: async (req) => {
      const learner = signedInLearner(req);
      if (!learner) return needsLearner(req);
      const mine = { learner: { equals: learner.id } };
      const all = async (collection: 'learner-scores' | 'learner-events') =>
        (
          await req.payload.find({
            collection,
            where: mine,
            depth: 0,
            limit: 0,
            pagination: false,
            overrideAccess: true,
          })
        ).docs;
      const responses = learner.evaluationKey
        ? (
            await req.payload.find({
              collection: 'questionnaire-responses',
              where: { learner: { equals: learner.evaluationKey } },
              depth: 0,
              limit: 0,
              pagination: false,
              overrideAccess: true,
            })
          ).docs
        : [];
      return reply(
        req,
        {
          learner: publicLearner(learner),
          scores: await all('learner-scores'),
          events: await all('learner-events'),
          questionnaireResponses: responses,
          forums: await forumDataOf(req.payload, learner.id),
        },
        200,
        { 'Content-Disposition': 'attachment; filename="my-polycourse-data.json"' },
      );
    },
  },
  {
    path: '/learner/events',
    method: 'post',
    handler: async (req) => {
      const learner = signedInLearner(req);
      if (!learner) return needsLearner(req);
      const limited = await overLimit(req, 'events', `learner:${learner.id}`);
      if (limited) return limited;
      const body = await jsonBody(req);
      if (body instanceof Response) return body;
      const parsed = eventBatch.safeParse(body);
      if (!parsed.success) return problem(req, 400, issues(parsed.error));
      try {
        return reply(req, await recordEvents(req.payload, learner, parsed.data));
      } catch (error) {
        if (error instanceof EventRefusal) return problem(req, error.status, error.message);
        throw error;
      }
    },
  },
  {
    path: '/learner/leaderboard',
    method: 'get',
    handler: async (req) => {
      const q = boardQuery(req);
      if (typeof q === 'string') return problem(req, 400, q);
      // A list this process read less than a second ago costs nothing to send again: only a read
      // that goes to the database counts against the reader's limit.
      if (!hasRecentTop(q)) {
        const limited = await overLimit(req, 'read', clientAddress(req));
        if (limited) return limited;
      }
      const top = await recentTopLearners(req.payload, q);
      // The same list for everyone: a CDN or proxy may keep it for 10 s.
      return reply(req, { ...q, size: boardSize, top }, 200, {
        'Cache-Control': 'public, max-age=10, s-maxage=10',
      });
    },
  },
  {
    path: '/learner/rank',
    method: 'get',
    handler: async (req) => {
      const learner = signedInLearner(req);
      if (!learner) return needsLearner(req);
      const limited = await overLimit(req, 'read', `learner:${learner.id}`);
      if (limited) return limited;
      const q = boardQuery(req);
      if (typeof q === 'string') return problem(req, 400, q);
      return reply(req, { ...q, ...(await rankOf(req.payload, learner.id, q)) });
    },
  },
];
