/**
 * The CMS source over HTTP: the same documents as the Local API, from a remote CMS's REST API
 * (`polycourse build --from https://cms.example.org <course-id> --token …`). Only Node's fetch is
 * needed, so a build machine does not need the CMS's database or Payload's configuration.
 */
import fs from 'node:fs';
import type { PaginatedDocs } from 'payload';
import type { PayloadCmsReader } from './read-course-from-cms.ts';
import type { Media, Translation } from '../payload-types.ts';
import type { CourseAllLocales } from '../documents.ts';
import { provenanceOf } from '../translation/provenance.ts';

/**
 * A JWT (from /api/users/login) is sent as `JWT …`; anything else as a Payload API key of the users
 * collection.
 */
export function authorizationFor(token: string): string {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token) ? `JWT ${token}` : `users API-Key ${token}`;
}

export class CmsRequestError extends Error {}

export function restCmsReader(baseUrl: string, token?: string): PayloadCmsReader {
  const base = baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = token ? { authorization: authorizationFor(token) } : {};
  const get = async (pathAndQuery: string): Promise<Response> => {
    const url = new URL(pathAndQuery, `${base}/`);
    const what = pathAndQuery.split('?')[0];
    let response: Response;
    try {
      // The token goes only to the CMS itself, not to a storage host that a media URL may point to.
      response = await fetch(url, { headers: url.origin === new URL(base).origin ? headers : {} });
    } catch (error) {
      const why = (error as Error).cause ?? (error as Error).message;
      throw new CmsRequestError(`Cannot reach the CMS at ${base}: ${why}`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new CmsRequestError(
        `The CMS at ${base} refused ${what} (HTTP ${response.status}): give a valid --token ` +
          '(an API key of a user with access, or a JWT from /api/users/login).',
      );
    }
    if (!response.ok) {
      throw new CmsRequestError(`The CMS at ${base} answered HTTP ${response.status} for ${what}.`);
    }
    return response;
  };
  /** A list answer of the REST API (`docs` missing if the server answered something else). */
  const list = async <T>(pathAndQuery: string): Promise<Partial<PaginatedDocs<T>>> =>
    (await get(pathAndQuery)).json();
  const byCourse = (courseId: string) => `where[courseId][equals]=${encodeURIComponent(courseId)}`;
  return {
    origin: `${base}/`,
    findCourse: async (courseId, { draft = false } = {}) =>
      (
        await list<CourseAllLocales>(
          `/api/courses?${byCourse(courseId)}&locale=all&depth=2&limit=1&draft=${draft}`,
        )
      ).docs?.[0],
    listMedia: async () =>
      (await list<Media>('/api/media?limit=0&pagination=false&depth=0')).docs ?? [],
    fetchMedia: async (media, target) => {
      const url = media.url ?? `/api/media/file/${encodeURIComponent(String(media.filename))}`;
      fs.writeFileSync(target, Buffer.from(await (await get(url)).arrayBuffer()));
    },
    readProvenance: async (courseId) => {
      // Staff only: without a token the build simply has no provenance (it only affects status
      // reports).
      if (!token) return {};
      const query = `/api/translations?${byCourse(courseId)}&limit=0&pagination=false&depth=0`;
      return provenanceOf((await list<Translation>(query)).docs ?? []);
    },
  };
}
