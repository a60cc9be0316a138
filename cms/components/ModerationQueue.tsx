/**
 * Above the list of forum posts in the admin (moderators and admins only, as the list is): how many
 * posts wait for a first approval and how many are hidden after reports, each a link that filters
 * the list to them. A server component: it counts with the Local API.
 */
import React from 'react';
import type { ServerComponentProps } from 'payload';
import { adminTranslate } from './admin-translate.tsx';

export async function ModerationQueue({ payload, i18n }: ServerComponentProps) {
  const t = adminTranslate(i18n);
  const count = async (status: 'held' | 'hidden') =>
    (
      await payload.count({
        collection: 'forum-posts',
        where: { status: { equals: status } },
        overrideAccess: true,
      })
    ).totalDocs;
  const [held, hidden] = await Promise.all([count('held'), count('hidden')]);
  const link = (status: string) => `?where[status][equals]=${status}&sort=createdAt`;
  return (
    <nav
      aria-label={t('admin.moderation.label')}
      className="polycourse-moderation"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem', margin: '0 0 1rem' }}
    >
      <strong>{t('admin.moderation.title')}</strong>
      <a href={link('held')}>{t('admin.moderation.held', { count: held })}</a>
      <a href={link('hidden')}>{t('admin.moderation.hidden', { count: hidden })}</a>
      <a href="?">{t('admin.moderation.all')}</a>
    </nav>
  );
}
