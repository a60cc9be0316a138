/**
 * Roles and the small access rules every collection reuses. Rules return booleans or queries, never
 * throw. Only staff (the `users` collection) has roles: any other signed-in user (a learner) counts
 * as anonymous.
 */
import type { Access, PayloadRequest } from 'payload';
import type { User } from '../payload-types.ts';

export const roles = [
  'admin',
  'author',
  'translator',
  'reviewer',
  'evaluator',
  'moderator',
] as const;
export type Role = (typeof roles)[number];

/**
 * Whether the request comes from a staff member: signed in through the `users` collection (not a
 * learner).
 */
export const isStaff = (req: PayloadRequest): req is PayloadRequest & { user: User } =>
  req.user?.collection === 'users';

const staffOf = (req: PayloadRequest) => (isStaff(req) ? req.user : undefined);
export const hasRole = (req: PayloadRequest, ...wanted: Role[]) =>
  Boolean(staffOf(req)?.roles?.some((r) => wanted.includes(r)));
/** The locales a translator or reviewer works in (empty for anyone else). */
export const workLocalesOf = (req: PayloadRequest): string[] => staffOf(req)?.workLocales ?? [];

/**
 * Translators and reviewers who are neither admins nor authors: they change only the translated
 * texts.
 */
export const editsTranslatedTextsOnly = (req: PayloadRequest) =>
  hasRole(req, 'translator', 'reviewer') && !hasRole(req, 'admin', 'author');

export const staffOnly: Access = ({ req }) => isStaff(req);

/** What a staff member's roles and work locales are: the server's request user or the admin's. */
export interface StaffRights {
  roles?: readonly string[] | null;
  workLocales?: readonly string[] | null;
}

/**
 * "Mark as translated" (approve: false) and "Approve" of a locale: the one rule for the server
 * (cms/endpoints/translation-mark.ts) and the buttons the admin shows.
 */
export function mayMarkLocale(user: StaffRights | undefined, locale: string, approve: boolean) {
  const is = (...wanted: Role[]) => Boolean(user?.roles?.some((r) => wanted.includes(r as Role)));
  const inTheirLocale = Boolean(user?.workLocales?.includes(locale));
  return approve
    ? is('admin') || (is('reviewer') && inTheirLocale)
    : is('admin', 'author') || (is('translator', 'reviewer') && inTheirLocale);
}

/** Publish bundles: admins, authors and reviewers (cms/endpoints/publish-bundles.ts). */
export const mayPublishBundles = (user: StaffRights | undefined) =>
  Boolean(user?.roles?.some((r) => r === 'admin' || r === 'author' || r === 'reviewer'));

/**
 * Questionnaire responses and the evaluation report: admins and evaluators only. Learners'
 * answers about their attitudes are personal data; authors, translators and reviewers do not need
 * them.
 */
export const canEvaluate = (req: PayloadRequest) => hasRole(req, 'admin', 'evaluator');
export const evaluatorsOnly: Access = ({ req }) => canEvaluate(req);
export const isAdmin: Access = ({ req }) => hasRole(req, 'admin');

/** Anyone may read published content; staff also see drafts. */
export const publishedOrStaff: Access = ({ req }) =>
  isStaff(req) ? true : { _status: { equals: 'published' } };

/**
 * Content edits: admins and authors in any locale; translators and reviewers only in the locales
 * assigned to them, and there only the localized texts (cms/access/translated-fields-only.ts guards
 * the other fields).
 */
export const canEditLocale: Access = ({ req }) => {
  if (hasRole(req, 'admin', 'author')) return true;
  if (hasRole(req, 'translator', 'reviewer')) {
    const locale = req.locale;
    return Boolean(locale && locale !== 'all' && workLocalesOf(req).includes(locale));
  }
  return false;
};

/**
 * Creating and deleting course structure: admins and authors; deleting a published course: admins
 * only.
 */
export const canCreateContent: Access = ({ req }) => hasRole(req, 'admin', 'author');
export const canDeleteContent: Access = ({ req }) =>
  hasRole(req, 'admin')
    ? true
    : hasRole(req, 'author')
      ? { _status: { not_equals: 'published' } }
      : false;

/** The learners' forums: admins and moderators read, approve, hide and delete posts. */
export const canModerate = (req: PayloadRequest) => hasRole(req, 'admin', 'moderator');
export const moderatorsOnly: Access = ({ req }) => canModerate(req);
/** `admin.hidden` of the forums' collections: shown to admins and moderators. */
export const hiddenUnlessModerator = ({ user }: { user: unknown }) =>
  !(user as { roles?: string[] } | null)?.roles?.some((r) => r === 'admin' || r === 'moderator');

/** `admin.hidden` of collections only admins see in the admin (the learner services'). */
export const hiddenUnlessAdmin = ({ user }: { user: unknown }) =>
  !(user as { roles?: string[] } | null)?.roles?.includes('admin');
