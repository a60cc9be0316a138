/** Roles and the small access rules every collection reuses. Rules return booleans or queries, never throw. */
import type { Access, PayloadRequest } from 'payload';

export const roles = ['admin', 'author', 'translator', 'reviewer'] as const;
export type Role = (typeof roles)[number];

interface RoleUser { roles?: Role[] | null; workLocales?: string[] | null }

const userOf = (req: PayloadRequest) => req.user as (RoleUser & { collection?: string }) | null | undefined;
export const hasRole = (req: PayloadRequest, ...wanted: Role[]) => Boolean(userOf(req)?.roles?.some((r) => wanted.includes(r)));

export const isAdmin: Access = ({ req }) => hasRole(req, 'admin');

/** Anyone may read published content; signed-in staff also see drafts. */
export const publishedOrStaff: Access = ({ req }) => (userOf(req) ? true : { _status: { equals: 'published' } });

/** Content edits: admins and authors in any locale; translators only in the locales assigned to them. */
export const canEditLocale: Access = ({ req }) => {
  if (hasRole(req, 'admin', 'author')) return true;
  if (hasRole(req, 'translator', 'reviewer')) {
    const locale = req.locale;
    return Boolean(locale && locale !== 'all' && userOf(req)?.workLocales?.includes(locale));
  }
  return false;
};

/** Creating and deleting course structure: admins and authors; deleting a published course: admins only. */
export const canCreateContent: Access = ({ req }) => hasRole(req, 'admin', 'author');
export const canDeleteContent: Access = ({ req }) => (hasRole(req, 'admin') ? true : hasRole(req, 'author') ? { _status: { not_equals: 'published' } } : false);
