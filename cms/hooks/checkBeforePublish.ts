/**
 * Publishing a course (admin, author, reviewer, through the admin server) first checks what
 * Publish bundles would refuse in the latest drafts of its modules and units; with a problem the
 * course is not published (400), the message lists the problems and the course's Checks panel
 * links each one. Translators publishing their locale are not checked (they cannot fix structure).
 * Outside the admin server (imports, scripts on the Local API) the build itself checks.
 */
import { APIError, type CollectionBeforeChangeHook } from 'payload';
import { hasRole } from '../access/roles.ts';
import { checkCourseDrafts, problemLines } from '../publish/check-course.ts';

export const checkBeforePublish: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  context,
}) => {
  if (
    process.env.NEXT_RUNTIME !== 'nodejs' ||
    data._status !== 'published' ||
    context.cascading ||
    !originalDoc?.courseId ||
    !hasRole(req, 'admin', 'author', 'reviewer')
  )
    return data;
  const check = await checkCourseDrafts(req.payload, originalDoc);
  if (!check.ok)
    throw new APIError(
      `Not published: ${check.problems.length} problem(s) would stop Publish bundles. ` +
        `${problemLines(check.problems)}. The course's Checks panel links each one.`,
      400,
      { problems: check.problems },
      true,
    );
  return data;
};
