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
import { adminLabel } from '../admin-languages.ts';

/**
 * visible: everyone sees it · held: a new learner's post, waiting for a moderator · hidden:
 * reported by enough learners, or hidden by a moderator · deleted: by its author or a moderator
 */
export const postStatuses = ['visible', 'held', 'hidden', 'deleted'] as const;
export type PostStatus = (typeof postStatuses)[number];

/** How the admin names each status (the values stay the stored ones). */
const statusLabels = {
  visible: 'admin.field.postStatus.visible',
  held: 'admin.field.postStatus.held',
  hidden: 'admin.field.postStatus.hidden',
  deleted: 'admin.field.postStatus.deleted',
} satisfies Record<PostStatus, string>;

export const forumLimits = { title: 120, reason: 500 };

const serverOnly = { update: () => false } as const;
const author: Field[] = [
  {
    name: 'author',
    label: adminLabel('admin.field.author'),
    type: 'relationship',
    relationTo: 'learners',
    access: serverOnly,
  },
  {
    name: 'authorName',
    label: adminLabel('admin.field.authorName'),
    type: 'text',
    maxLength: 40,
    access: serverOnly,
    admin: { description: adminLabel('admin.field.authorName.description') },
  },
];
const status: Field = {
  name: 'status',
  label: adminLabel('admin.field.postStatus'),
  type: 'select',
  options: postStatuses.map((value) => ({ value, label: adminLabel(statusLabels[value]) })),
  required: true,
  defaultValue: 'visible',
  index: true,
};

export const ForumThreads: CollectionConfig = {
  slug: 'forum-threads',
  labels: {
    singular: adminLabel('admin.collection.forumThread'),
    plural: adminLabel('admin.collection.forumThreads'),
  },
  admin: {
    group: adminLabel('admin.group.learners'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'courseId', 'moduleId', 'locale', 'status', 'replies', 'lastPostAt'],
    hidden: hiddenUnlessModerator,
    description: adminLabel('admin.collection.forumThreads.description'),
  },
  access: { read: moderatorsOnly, create: () => false, update: () => false, delete: isAdmin },
  graphQL: false,
  indexes: [{ fields: ['courseId', 'moduleId', 'locale', 'status', 'lastPostAt'] }],
  fields: [
    {
      name: 'courseId',
      label: adminLabel('admin.field.courseId'),
      type: 'text',
      required: true,
      maxLength: 100,
    },
    {
      name: 'moduleId',
      label: adminLabel('admin.field.moduleId'),
      type: 'text',
      required: true,
      maxLength: 100,
    },
    {
      name: 'locale',
      label: adminLabel('admin.field.locale'),
      type: 'text',
      required: true,
      maxLength: 20,
    },
    {
      name: 'title',
      label: adminLabel('admin.field.title'),
      type: 'text',
      required: true,
      maxLength: forumLimits.title,
    },
    ...author,
    status,
    /** replies everyone sees */
    {
      name: 'replies',
      label: adminLabel('admin.field.replies'),
      type: 'number',
      defaultValue: 0,
    },
    { name: 'lastPostAt', label: adminLabel('admin.field.lastPostAt'), type: 'date' },
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
  labels: {
    singular: adminLabel('admin.collection.forumPost'),
    plural: adminLabel('admin.collection.forumPosts'),
  },
  admin: {
    group: adminLabel('admin.group.learners'),
    useAsTitle: 'excerpt',
    components: { beforeListTable: ['/components/ModerationQueue.tsx#ModerationQueue'] },
    defaultColumns: ['excerpt', 'status', 'reports', 'authorName', 'thread', 'createdAt'],
    hidden: hiddenUnlessModerator,
    description: adminLabel('admin.collection.forumPosts.description'),
  },
  defaultSort: '-createdAt',
  access: { read: moderatorsOnly, create: () => false, update: moderatorsOnly, delete: isAdmin },
  graphQL: false,
  hooks: { beforeChange: [recordModerator], afterChange: [followThread] },
  indexes: [{ fields: ['thread', 'status', 'createdAt'] }, { fields: ['author', 'status'] }],
  fields: [
    {
      name: 'thread',
      label: adminLabel('admin.field.forumThread'),
      type: 'relationship',
      relationTo: 'forum-threads',
      required: true,
      access: serverOnly,
    },
    {
      name: 'courseId',
      label: adminLabel('admin.field.courseId'),
      type: 'text',
      required: true,
      maxLength: 100,
      access: serverOnly,
    },
    {
      name: 'first',
      label: adminLabel('admin.field.firstPost'),
      type: 'checkbox',
      defaultValue: false,
      access: serverOnly,
    },
    ...author,
    // What a moderator decides sits in the sidebar, beside the body, at the top of the edit view
    // (the schema's field order stays as it was).
    {
      ...status,
      admin: {
        position: 'sidebar',
        description: adminLabel('admin.field.postStatus.description'),
      },
    },
    {
      name: 'reports',
      label: adminLabel('admin.field.reports'),
      type: 'number',
      defaultValue: 0,
      access: serverOnly,
      admin: { position: 'sidebar' },
    },
    {
      name: 'body',
      label: adminLabel('admin.field.postBody'),
      type: 'textarea',
      required: true,
      maxLength: maxPostLength,
      access: serverOnly,
      admin: { description: adminLabel('admin.field.postBody.description') },
    },
    /** the body as learners see it (compiler/mdx/render-post.ts) */
    { name: 'html', type: 'textarea', access: serverOnly, admin: { hidden: true } },
    /** the body's first words, for lists */
    {
      name: 'excerpt',
      label: adminLabel('admin.field.excerpt'),
      type: 'text',
      maxLength: 120,
      access: serverOnly,
    },
    {
      name: 'editedAt',
      label: adminLabel('admin.field.editedAt'),
      type: 'date',
      access: serverOnly,
    },
    {
      name: 'moderatedBy',
      label: adminLabel('admin.field.moderatedBy'),
      type: 'relationship',
      relationTo: 'users',
      access: serverOnly,
      admin: { position: 'sidebar' },
    },
    {
      name: 'moderatedAt',
      label: adminLabel('admin.field.moderatedAt'),
      type: 'date',
      access: serverOnly,
      admin: { position: 'sidebar' },
    },
  ],
};

export const ForumReports: CollectionConfig = {
  slug: 'forum-reports',
  labels: {
    singular: adminLabel('admin.collection.forumReport'),
    plural: adminLabel('admin.collection.forumReports'),
  },
  admin: {
    group: adminLabel('admin.group.learners'),
    defaultColumns: ['post', 'reason', 'createdAt'],
    hidden: hiddenUnlessModerator,
  },
  access: { read: moderatorsOnly, create: () => false, update: () => false, delete: isAdmin },
  graphQL: false,
  indexes: [{ fields: ['post', 'reporter'], unique: true }],
  fields: [
    {
      name: 'post',
      label: adminLabel('admin.field.forumPost'),
      type: 'relationship',
      relationTo: 'forum-posts',
      required: true,
    },
    {
      name: 'reporter',
      label: adminLabel('admin.field.reporter'),
      type: 'relationship',
      relationTo: 'learners',
      required: true,
    },
    {
      name: 'reason',
      label: adminLabel('admin.field.reportReason'),
      type: 'text',
      maxLength: forumLimits.reason,
    },
  ],
};
