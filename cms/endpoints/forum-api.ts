/**
 * The forums' API for the bundles (docs/learner-services.md#forums). Reading needs no account;
 * writing needs a learner's Bearer token. Every answer is JSON:
 * - GET /api/learner/forums?course=&module=&locale=&page= → the module's threads in that locale
 * - POST /api/learner/forums {course, module, locale, title, body} → a new thread
 * - GET /api/learner/forums/:thread?page= → the thread and its posts
 * - POST /api/learner/forums/:thread/posts {body} → a reply
 * - PATCH /api/learner/forum-posts/:post {body} · DELETE /api/learner/forum-posts/:post (own posts)
 * - POST /api/learner/forum-posts/:post/report {reason?}
 * A new learner's posts answer `status: "held"` until a moderator approves one. Rate limits per
 * learner and per address: cms/learners/rate-limit.ts.
 */
import type { Endpoint, PayloadRequest } from 'payload';
import { z } from 'zod';
import { forumLimits } from '../collections/Forums.ts';
import { maxPostLength } from '../../compiler/mdx/render-post.ts';
import { slugPattern } from '../../compiler/model/slug-ids.ts';
import {
  addReply,
  createThread,
  deletePost,
  editPost,
  ForumRefusal,
  listThreads,
  readThread,
  reportPost,
} from '../learners/forums.ts';
import { clientAddress, overLimit } from '../learners/rate-limit.ts';
import type { LearnerRef } from '../learners/record-events.ts';
import { issues, jsonBody, needsLearner, problem, reply, signedInLearner } from './learner-http.ts';

const slug = z.string().max(100).regex(slugPattern, 'an id such as "rights-basics"');
const locale = z
  .string()
  .max(20)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale code such as fr or pt-BR');
const body = z.string().trim().min(1, 'write something').max(maxPostLength);
const newThread = z
  .object({
    course: slug,
    module: slug,
    locale,
    title: z
      .string()
      .trim()
      .min(3)
      .max(forumLimits.title)
      .regex(/^[^<>\p{Cc}]+$/u, 'no control characters or angle brackets'),
    body,
  })
  .strict();
const postBody = z.object({ body }).strict();
const report = z.object({ reason: z.string().trim().max(forumLimits.reason).optional() }).strict();
const listQuery = z.object({
  course: slug,
  module: slug,
  locale,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const idParam = /^[A-Za-z0-9]{1,40}$/;

type Handler = (req: PayloadRequest, learner: LearnerRef, id: string) => Promise<Response>;

/**
 * A writing endpoint: signed in, within the learner's and the address's limits, with the id from
 * the path checked; refusals from cms/learners/forums.ts become their status and message.
 */
function writing(limit: 'post' | 'report', handler: Handler): Endpoint['handler'] {
  return async (req) => {
    const learner = signedInLearner(req);
    if (!learner) return needsLearner(req);
    const limited =
      (await overLimit(req, limit, `learner:${learner.id}`)) ??
      (await overLimit(req, 'postAddress', clientAddress(req)));
    if (limited) return limited;
    const id = String(req.routeParams?.id ?? '');
    if (id && !idParam.test(id)) return problem(req, 404, `There is no "${id.slice(0, 40)}".`);
    try {
      return await handler(req, learner, id);
    } catch (error) {
      if (error instanceof ForumRefusal) return problem(req, error.status, error.message);
      throw error;
    }
  };
}

/** The parsed JSON body, or the Response that refuses it. */
async function parsed<T>(req: PayloadRequest, schema: z.ZodType<T>): Promise<T | Response> {
  const data = await jsonBody(req);
  if (data instanceof Response) return data;
  const result = schema.safeParse(data);
  return result.success ? result.data : problem(req, 400, issues(result.error));
}

export const forumEndpoints: Endpoint[] = [
  {
    path: '/learner/forums',
    method: 'get',
    handler: async (req) => {
      const limited = await overLimit(req, 'read', clientAddress(req));
      if (limited) return limited;
      const q = listQuery.safeParse(Object.fromEntries(req.searchParams));
      if (!q.success) return problem(req, 400, issues(q.error));
      return reply(req, await listThreads(req.payload, q.data, signedInLearner(req)?.id));
    },
  },
  {
    path: '/learner/forums',
    method: 'post',
    handler: writing('post', async (req, learner) => {
      const input = await parsed(req, newThread);
      if (input instanceof Response) return input;
      return reply(req, await createThread(req, learner, input), 201);
    }),
  },
  {
    path: '/learner/forums/:id',
    method: 'get',
    handler: async (req) => {
      const limited = await overLimit(req, 'read', clientAddress(req));
      if (limited) return limited;
      const id = String(req.routeParams?.id ?? '');
      const page = Number(req.searchParams.get('page') ?? 1);
      if (!idParam.test(id) || !Number.isInteger(page) || page < 1 || page > 10_000)
        return problem(req, 404, 'There is no such thread (or page of it).');
      try {
        return reply(req, await readThread(req.payload, id, page, signedInLearner(req)?.id));
      } catch (error) {
        if (error instanceof ForumRefusal) return problem(req, error.status, error.message);
        throw error;
      }
    },
  },
  {
    path: '/learner/forums/:id/posts',
    method: 'post',
    handler: writing('post', async (req, learner, id) => {
      const input = await parsed(req, postBody);
      if (input instanceof Response) return input;
      return reply(req, await addReply(req, learner, id, input.body), 201);
    }),
  },
  {
    path: '/learner/forum-posts/:id',
    method: 'patch',
    handler: writing('post', async (req, learner, id) => {
      const input = await parsed(req, postBody);
      if (input instanceof Response) return input;
      return reply(req, await editPost(req, learner, id, input.body));
    }),
  },
  {
    path: '/learner/forum-posts/:id',
    method: 'delete',
    handler: writing('post', async (req, learner, id) =>
      reply(req, await deletePost(req, learner, id)),
    ),
  },
  {
    path: '/learner/forum-posts/:id/report',
    method: 'post',
    handler: writing('report', async (req, learner, id) => {
      const input = await parsed(req, report);
      if (input instanceof Response) return input;
      return reply(req, await reportPost(req, learner, id, input.reason));
    }),
  },
];
