/**
 * The learners' forums (docs/learner-services.md#forums): a thread per question, in one module of
 * a published course and one locale; replies; Markdown through the course bodies' pipeline
 * (compiler/mdx/render-post.ts); a new learner's posts held until a moderator approves one; a post
 * reported by enough learners hidden until a moderator looks at it; edits and soft deletes by the
 * author. Every write goes through here, with the learner from the token; the endpoints are
 * cms/endpoints/forum-api.ts, the collections cms/collections/Forums.ts.
 */
import type { Payload, PayloadRequest, Where } from 'payload';
import { renderPost } from '../../compiler/mdx/render-post.ts';
import { formatLocation, type Diagnostic } from '../../compiler/model/diagnostic.ts';
import type { ForumThread } from '../payload-types.ts';
import { publishedCourseRules } from './course-rules.ts';
import type { LearnerRef } from './record-events.ts';

/** A refusal with its HTTP status and a message that says what to change. */
export class ForumRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
};

/**
 * POLYCOURSE_FORUM_HIDE_AFTER_REPORTS (default 3): reports from different learners that hide a
 * post; POLYCOURSE_FORUM_HOLD_FIRST_POSTS (default 1): approved posts a learner needs before their
 * posts show at once (0: nothing is held).
 */
export function forumSettings() {
  return {
    hideAfterReports: Math.max(1, positive(process.env.POLYCOURSE_FORUM_HIDE_AFTER_REPORTS, 3)),
    holdUntilApproved: positive(process.env.POLYCOURSE_FORUM_HOLD_FIRST_POSTS, 1),
  };
}

/** Threads and posts per page. */
export const pageSize = { threads: 30, posts: 50 };

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: string | number }).id : value;
const same = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b);
const nameOf = (learner: LearnerRef) => learner.displayName || learner.username || '';

/** The body as learners see it, or a refusal naming each problem at its line:column. */
function rendered(body: string): { html: string; excerpt: string } {
  const { html, text, diagnostics } = renderPost(body, 'body');
  if (diagnostics.length) throw new ForumRefusal(400, diagnostics.map(describe).join(' '));
  // The words as a learner reads them (no Markdown marks, no link addresses).
  return { html, excerpt: text.length > 117 ? `${text.slice(0, 116)}…` : text };
}
const describe = (d: Diagnostic) => `${formatLocation(d)}: ${d.message}${d.fix ? ` ${d.fix}` : ''}`;

/** held until the learner has enough approved posts (forumSettings), else visible */
async function statusOfNewPost(payload: Payload, learner: LearnerRef) {
  const { holdUntilApproved } = forumSettings();
  if (!holdUntilApproved) return 'visible' as const;
  const approved = await payload.count({
    collection: 'forum-posts',
    where: { author: { equals: learner.id }, status: { equals: 'visible' } },
    overrideAccess: true,
  });
  return approved.totalDocs >= holdUntilApproved ? ('visible' as const) : ('held' as const);
}

/**
 * Bring a thread in line with its posts: its status is its opening post's, `replies` counts the
 * visible replies, `lastPostAt` is the newest visible post's date.
 */
export async function refreshThread(req: PayloadRequest, threadId: string | number) {
  const { payload } = req;
  // Three small indexed reads (thread, status, createdAt), not the whole thread: a busy thread
  // has thousands of posts.
  const inThread = { thread: { equals: threadId } };
  const latest = (where: Where) =>
    payload.find({
      collection: 'forum-posts',
      where: { and: [inThread, where] },
      sort: '-createdAt',
      depth: 0,
      limit: 1,
      pagination: false,
      select: { status: true, createdAt: true },
      overrideAccess: true,
      req,
    });
  // One after another: they may share the caller's transaction.
  const first = await latest({ first: { equals: true } });
  const newest = await latest({ status: { equals: 'visible' } });
  const replies = await payload.count({
    collection: 'forum-posts',
    where: {
      and: [inThread, { first: { not_equals: true } }, { status: { equals: 'visible' } }],
    },
    overrideAccess: true,
    req,
  });
  await payload.update({
    collection: 'forum-threads',
    id: threadId,
    data: {
      status: first.docs[0]?.status ?? 'deleted',
      replies: replies.totalDocs,
      ...(newest.docs.length ? { lastPostAt: newest.docs[0].createdAt } : {}),
    },
    overrideAccess: true,
    req,
  });
}

export interface NewThread {
  course: string;
  module: string;
  locale: string;
  title: string;
  body: string;
}

/** Is `module` a module of the published course `course` in `locale`? A refusal if not. */
async function checkPlace(payload: Payload, course: string, module: string, locale: string) {
  const rules = await publishedCourseRules(payload, course);
  if (!rules)
    throw new ForumRefusal(404, `course: no published course "${course}" on this server.`);
  if (!rules.outline.modules.some((m) => m.id === module))
    throw new ForumRefusal(
      404,
      `module: "${module}" is not a module of course "${course}" ` +
        `(its modules: ${rules.outline.modules.map((m) => m.id).join(', ')}).`,
    );
  if (!rules.locales.includes(locale))
    throw new ForumRefusal(
      400,
      `locale: course "${course}" is published in ${rules.locales.join(', ')}, not "${locale}".`,
    );
}

export async function createThread(req: PayloadRequest, learner: LearnerRef, input: NewThread) {
  const { payload } = req;
  await checkPlace(payload, input.course, input.module, input.locale);
  const { html, excerpt } = rendered(input.body);
  const status = await statusOfNewPost(payload, learner);
  const now = new Date().toISOString();
  const thread = await payload.create({
    collection: 'forum-threads',
    data: {
      courseId: input.course,
      moduleId: input.module,
      locale: input.locale,
      title: input.title,
      author: learner.id as number,
      authorName: nameOf(learner),
      status,
      replies: 0,
      lastPostAt: now,
    },
    overrideAccess: true,
  });
  const post = await payload.create({
    collection: 'forum-posts',
    data: {
      thread: thread.id,
      courseId: input.course,
      first: true,
      author: learner.id as number,
      authorName: nameOf(learner),
      status,
      body: input.body,
      html,
      excerpt,
    },
    overrideAccess: true,
  });
  return { thread: thread.id, post: post.id, status };
}

async function threadFor(payload: Payload, id: string) {
  // One indexed read through the adapter (the thread is server data; a learner never reads it
  // whole): an id that is not a number on SQL is no thread either.
  const thread = (await payload.db
    .findOne({ collection: 'forum-threads', where: { id: { equals: id } } })
    .catch(() => null)) as ForumThread | null;
  if (!thread) throw new ForumRefusal(404, `thread: there is no thread ${id}.`);
  return thread;
}

export async function addReply(
  req: PayloadRequest,
  learner: LearnerRef,
  threadId: string,
  body: string,
) {
  const { payload } = req;
  const thread = await threadFor(payload, threadId);
  if (thread.status !== 'visible' && !same(thread.author, learner.id))
    throw new ForumRefusal(404, `thread: there is no thread ${threadId}.`);
  if (thread.status === 'hidden' || thread.status === 'deleted')
    throw new ForumRefusal(409, `thread: thread ${threadId} is ${thread.status}; replies closed.`);
  const { html, excerpt } = rendered(body);
  const status = await statusOfNewPost(payload, learner);
  // The busiest write of the forums, so through Payload's database adapter: `payload.create` and
  // a recount of the thread (refreshThread) were 18 queries a reply; this is 4. A reply runs no
  // collection hook (they act on a moderator's change of status), its fields are checked above,
  // and a visible one adds one to the thread's count in one atomic UPDATE, so replies at once all
  // count. A moderator's change of status counts the thread again from its posts.
  const now = new Date().toISOString();
  const post = await payload.db.create({
    collection: 'forum-posts',
    data: {
      thread: thread.id,
      courseId: thread.courseId,
      first: false,
      author: learner.id,
      authorName: nameOf(learner),
      status,
      reports: 0,
      body,
      html,
      excerpt,
      createdAt: now,
      updatedAt: now,
    },
  });
  if (status === 'visible')
    await payload.db.updateOne({
      collection: 'forum-threads',
      id: thread.id,
      data: { replies: { $inc: 1 }, lastPostAt: now, updatedAt: now },
      returning: false,
    });
  return { thread: thread.id, post: post.id as string | number, status };
}

async function ownPost(payload: Payload, learner: LearnerRef, postId: string) {
  const post = await payload
    .findByID({ collection: 'forum-posts', id: postId, depth: 0, overrideAccess: true })
    .catch(() => undefined);
  if (!post) throw new ForumRefusal(404, `post: there is no post ${postId}.`);
  if (!same(post.author, learner.id))
    throw new ForumRefusal(403, `post: post ${postId} is not yours; you can report it instead.`);
  return post;
}

export async function editPost(
  req: PayloadRequest,
  learner: LearnerRef,
  postId: string,
  body: string,
) {
  const post = await ownPost(req.payload, learner, postId);
  if (post.status === 'hidden' || post.status === 'deleted')
    throw new ForumRefusal(409, `post: post ${postId} is ${post.status} and cannot be edited.`);
  const { html, excerpt } = rendered(body);
  await req.payload.update({
    collection: 'forum-posts',
    id: post.id,
    data: { body, html, excerpt, editedAt: new Date().toISOString() },
    overrideAccess: true,
  });
  return { post: post.id, status: post.status };
}

/** Soft delete: the post stays as "deleted" in its thread, its text is gone. */
export async function deletePost(req: PayloadRequest, learner: LearnerRef, postId: string) {
  const post = await ownPost(req.payload, learner, postId);
  await req.payload.update({
    collection: 'forum-posts',
    id: post.id,
    data: { status: 'deleted', body: '-', html: '', excerpt: '' },
    overrideAccess: true,
  }); // the thread follows (Forums.ts, followThread)
  return { post: post.id, status: 'deleted' as const };
}

/**
 * One report per learner and post; the post is hidden when the reports reach
 * forumSettings().hideAfterReports, counted from the stored reports (the same on every server).
 */
export async function reportPost(
  req: PayloadRequest,
  learner: LearnerRef,
  postId: string,
  reason: string | undefined,
) {
  const { payload } = req;
  const post = await payload
    .findByID({ collection: 'forum-posts', id: postId, depth: 0, overrideAccess: true })
    .catch(() => undefined);
  if (!post || post.status !== 'visible')
    throw new ForumRefusal(404, `post: there is no visible post ${postId}.`);
  if (same(post.author, learner.id))
    throw new ForumRefusal(400, 'post: this post is yours; edit or delete it instead.');
  const already = await payload.count({
    collection: 'forum-reports',
    where: { post: { equals: post.id }, reporter: { equals: learner.id } },
    overrideAccess: true,
  });
  if (!already.totalDocs)
    await payload
      .create({
        collection: 'forum-reports',
        data: { post: post.id, reporter: learner.id as number, reason: reason || undefined },
        overrideAccess: true,
      })
      .catch(async (error) => {
        // The same learner's report, sent twice at once: the unique index kept one.
        const now = await payload.count({
          collection: 'forum-reports',
          where: { post: { equals: post.id }, reporter: { equals: learner.id } },
          overrideAccess: true,
        });
        if (!now.totalDocs) throw error;
      });
  const reports = (
    await payload.count({
      collection: 'forum-reports',
      where: { post: { equals: post.id } },
      overrideAccess: true,
    })
  ).totalDocs;
  const hide = reports >= forumSettings().hideAfterReports;
  await payload.update({
    collection: 'forum-posts',
    id: post.id,
    data: { reports, ...(hide ? { status: 'hidden' } : {}) },
    overrideAccess: true,
  }); // the thread follows (Forums.ts, followThread)
  return { post: post.id, reported: true, hidden: hide };
}

export interface ThreadQuery {
  course: string;
  module: string;
  locale: string;
  page: number;
}

/** What everyone sees, plus the learner's own posts waiting for a moderator. */
const shownTo = (learnerId: string | number | undefined): Where =>
  learnerId === undefined
    ? { status: { equals: 'visible' } }
    : {
        or: [
          { status: { equals: 'visible' } },
          { and: [{ author: { equals: learnerId } }, { status: { equals: 'held' } }] },
        ],
      };

export async function listThreads(payload: Payload, q: ThreadQuery, learnerId?: string | number) {
  const found = await payload.find({
    collection: 'forum-threads',
    where: {
      and: [
        { courseId: { equals: q.course } },
        { moduleId: { equals: q.module } },
        { locale: { equals: q.locale } },
        shownTo(learnerId),
      ],
    },
    sort: '-lastPostAt',
    depth: 0,
    limit: pageSize.threads,
    page: q.page,
    overrideAccess: true,
  });
  return {
    ...q,
    totalPages: found.totalPages,
    threads: found.docs.map((t) => ({
      id: t.id,
      title: t.title,
      authorName: t.authorName ?? null,
      mine: same(t.author, learnerId),
      status: t.status,
      replies: t.replies ?? 0,
      createdAt: t.createdAt,
      lastPostAt: t.lastPostAt,
    })),
  };
}

/**
 * A thread and its posts: visible posts with their text, the learner's own held ones too, hidden
 * and deleted ones as a placeholder (so replies keep their place), other learners' held ones not
 * at all.
 */
export async function readThread(
  payload: Payload,
  threadId: string,
  page: number,
  learnerId?: string | number,
) {
  const thread = await threadFor(payload, threadId);
  if (thread.status !== 'visible' && !(thread.status === 'held' && same(thread.author, learnerId)))
    throw new ForumRefusal(404, `thread: there is no thread ${threadId}.`);
  const posts = await payload.find({
    collection: 'forum-posts',
    where: {
      and: [
        { thread: { equals: thread.id } },
        {
          or: [
            { status: { in: ['visible', 'hidden', 'deleted'] } },
            ...(learnerId === undefined
              ? []
              : [{ and: [{ author: { equals: learnerId } }, { status: { equals: 'held' } }] }]),
          ],
        },
      ],
    },
    sort: 'createdAt',
    depth: 0,
    limit: pageSize.posts,
    page,
    overrideAccess: true,
  });
  const reported = learnerId
    ? new Set(
        (
          await payload.find({
            collection: 'forum-reports',
            where: {
              reporter: { equals: learnerId },
              post: { in: posts.docs.map((p) => p.id) },
            },
            depth: 0,
            limit: 0,
            pagination: false,
            overrideAccess: true,
          })
        ).docs.map((r) => String(idOf(r.post))),
      )
    : new Set<string>();
  const shown = (status: string) => status === 'visible' || status === 'held';
  return {
    thread: {
      id: thread.id,
      courseId: thread.courseId,
      moduleId: thread.moduleId,
      locale: thread.locale,
      title: thread.title,
      status: thread.status,
    },
    page,
    totalPages: posts.totalPages,
    posts: posts.docs.map((p) => ({
      id: p.id,
      first: Boolean(p.first),
      status: p.status,
      authorName: shown(p.status) ? (p.authorName ?? null) : null,
      mine: same(p.author, learnerId),
      html: shown(p.status) ? p.html : null,
      ...(same(p.author, learnerId) && shown(p.status) ? { body: p.body } : {}),
      reported: reported.has(String(p.id)),
      createdAt: p.createdAt,
      editedAt: p.editedAt ?? null,
    })),
  };
}

/** A learner changed their display name: their posts show the new one. */
export async function renameInForums(payload: Payload, learner: LearnerRef) {
  for (const collection of ['forum-threads', 'forum-posts'] as const)
    await payload.update({
      collection,
      where: { author: { equals: learner.id } },
      data: { authorName: nameOf(learner) },
      overrideAccess: true,
    });
}

/**
 * A learner deleted their account: their posts stay (the threads would not make sense without
 * them) but no longer name them or point to them; their reports go (the counts stay).
 */
export async function anonymizeInForums(payload: Payload, learnerId: string | number) {
  for (const collection of ['forum-threads', 'forum-posts'] as const)
    await payload.update({
      collection,
      where: { author: { equals: learnerId } },
      data: { author: null, authorName: null },
      overrideAccess: true,
    });
  await payload.delete({
    collection: 'forum-reports',
    where: { reporter: { equals: learnerId } },
    overrideAccess: true,
  });
}

/** Everything the forums keep about a learner, for their data download. */
export async function forumDataOf(payload: Payload, learnerId: string | number) {
  const all = async (collection: 'forum-threads' | 'forum-posts' | 'forum-reports', key: string) =>
    (
      await payload.find({
        collection,
        where: { [key]: { equals: learnerId } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs;
  return {
    threads: await all('forum-threads', 'author'),
    posts: await all('forum-posts', 'author'),
    reports: await all('forum-reports', 'reporter'),
  };
}
