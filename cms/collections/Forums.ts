/**
 * The learners' forums (docs/learner-services.md#forums): threads per course module and locale
 * (`forum-threads`), their posts (`forum-posts`, the opening post is `first`) and learners' reports
 * of posts (`forum-reports`, one per learner and post). Learners write only through
 * /api/learner/forums/* (cms/learners/forums.ts); admins and moderators read everything in the
 * admin and moderate a post by changing its status: approve a held post, hide or delete one, or
 * show a hidden one again. Everything else about a post is the learner's and stays read-only here.
 */
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Field,
} from 'payload';
import { hiddenUnlessModerator, isAdmin, isStaff, moderatorsOnly } from '../access/roles.ts';
import { maxPostLength } from '../../compiler/mdx/render-post.ts';
import { refreshThread } from '../learners/forums.ts';

/**
 * visible: everyone sees it · held: a new learner's post, waiting for a moderator · hidden:
 * reported by enough learners, or hidden by a moderator · deleted: by its author or a moderator
 */
export const postStatuses = ['visible', 'held', 'hidden', 'deleted'] as const;
export type PostStatus = (typeof postStatuses)[number];

export const forumLimits = { title: 120, reason: 500 };

const serverOnly = { update: () => false } as const;
const author: Field[] = [
  { name: 'author', type: 'relationship', relationTo: 'learners', access: serverOnly },
  {
    name: 'authorName',
    type: 'text',
    maxLength: 40,
    access: serverOnly,
    admin: { description: 'Empty once the learner deleted their account.' },
  },
];
const status: Field = {
  name: 'status',
  type: 'select',
  options: [...postStatuses],
  required: true,
  defaultValue: 'visible',
  index: true,
};

export const ForumThreads: CollectionConfig = {
  slug: 'forum-threads',
  admin: {
    group: 'Learners',
    useAsTitle: 'title',
    defaultColumns: ['title', 'courseId', 'moduleId', 'locale', 'status', 'replies', 'lastPostAt'],
    hidden: hiddenUnlessModerator,
    description: 'A thread shows what its opening post shows: moderate it through its posts.',
  },
  access: { read: moderatorsOnly, create: () => false, update: () => false, delete: isAdmin },
  graphQL: false,
  indexes: [{ fields: ['courseId', 'moduleId', 'locale', 'status', 'lastPostAt'] }],
  fields: [
    { name: 'courseId', type: 'text', required: true, maxLength: 100 },
    { name: 'moduleId', type: 'text', required: true, maxLength: 100 },
    { name: 'locale', type: 'text', required: true, maxLength: 20 },
    { name: 'title', type: 'text', required: true, maxLength: forumLimits.title },
    ...author,
    status,
    /** replies everyone sees */
    { name: 'replies', type: 'number', defaultValue: 0 },
    { name: 'lastPostAt', type: 'date' },
  ],
};

/** A moderator's change of status is recorded with who made it and when. */
const recordModerator: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  if (operation === 'update' && isStaff(req) && data.status && data.status !== originalDoc?.status)
    return { ...data, moderatedBy: req.user.id, moderatedAt: new Date().toISOString() };
  return data;
};

/** The thread follows its posts: its status is its opening post's; its counts and last date. */
const followThread: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation === 'update' && doc.status !== previousDoc?.status)
    await refreshThread(req, typeof doc.thread === 'object' ? doc.thread.id : doc.thread);
  return doc;
};

export const ForumPosts: CollectionConfig = {
  slug: 'forum-posts',
  admin: {
    group: 'Learners',
    useAsTitle: 'excerpt',
    components: { beforeListTable: ['/components/ModerationQueue.tsx#ModerationQueue'] },
    defaultColumns: ['excerpt', 'status', 'reports', 'authorName', 'thread', 'createdAt'],
    hidden: hiddenUnlessModerator,
    description:
      'Moderation: filter by Status (held: waiting for a first approval; hidden: reported), open ' +
      'a post and change its status. Visible approves it; hidden or deleted takes it away.',
  },
  defaultSort: '-createdAt',
  access: { read: moderatorsOnly, create: () => false, update: moderatorsOnly, delete: isAdmin },
  graphQL: false,
  hooks: { beforeChange: [recordModerator], afterChange: [followThread] },
  indexes: [{ fields: ['thread', 'status', 'createdAt'] }, { fields: ['author', 'status'] }],
  fields: [
    {
      name: 'thread',
      type: 'relationship',
      relationTo: 'forum-threads',
      required: true,
      access: serverOnly,
    },
    { name: 'courseId', type: 'text', required: true, maxLength: 100, access: serverOnly },
    { name: 'first', type: 'checkbox', defaultValue: false, access: serverOnly },
    ...author,
    // What a moderator decides sits in the sidebar, beside the body, at the top of the edit view
    // (the schema's field order stays as it was).
    {
      ...status,
      admin: {
        position: 'sidebar',
        description: 'Visible approves the post; hidden or deleted takes it away.',
      },
    },
    {
      name: 'reports',
      type: 'number',
      defaultValue: 0,
      access: serverOnly,
      admin: { position: 'sidebar' },
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      maxLength: maxPostLength,
      access: serverOnly,
      admin: { description: 'Markdown, as the learner wrote it.' },
    },
    /** the body as learners see it (compiler/mdx/render-post.ts) */
    { name: 'html', type: 'textarea', access: serverOnly, admin: { hidden: true } },
    /** the body's first words, for lists */
    { name: 'excerpt', type: 'text', maxLength: 120, access: serverOnly },
    { name: 'editedAt', type: 'date', access: serverOnly },
    {
      name: 'moderatedBy',
      type: 'relationship',
      relationTo: 'users',
      access: serverOnly,
      admin: { position: 'sidebar' },
    },
    { name: 'moderatedAt', type: 'date', access: serverOnly, admin: { position: 'sidebar' } },
  ],
};

export const ForumReports: CollectionConfig = {
  slug: 'forum-reports',
  admin: {
    group: 'Learners',
    defaultColumns: ['post', 'reason', 'createdAt'],
    hidden: hiddenUnlessModerator,
  },
  access: { read: moderatorsOnly, create: () => false, update: () => false, delete: isAdmin },
  graphQL: false,
  indexes: [{ fields: ['post', 'reporter'], unique: true }],
  fields: [
    { name: 'post', type: 'relationship', relationTo: 'forum-posts', required: true },
    { name: 'reporter', type: 'relationship', relationTo: 'learners', required: true },
    { name: 'reason', type: 'text', maxLength: forumLimits.reason },
  ],
};
