/**
 * GET /preview/units/:id?locale=fr — the admin's Preview button: builds the course from the latest
 * drafts (signed-in staff only) and redirects to the unit's page; GET /preview/<course>/<locale>/…
 * serves it.
 */
import config from '@payload-config';
import { getPayload } from 'payload';
import { previewsDir } from '../../../../publish/bundles-dir.ts';
import { staticResponse } from '../../../../publish/static-response.ts';
import { previewUnit } from '../../../../preview/preview-unit.ts';

export const dynamic = 'force-dynamic';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const payload = await getPayload({ config });
  const { user } = await payload.auth({ headers: request.headers });
  // Relative redirects: behind a proxy or on 127.0.0.1, the host Next sees is not the one the
  // browser used.
  const redirect = (location: string) => new Response(null, { status: 302, headers: { location } });
  // Staff only: a learner (another auth collection) is signed in too, but drafts are not theirs to
  // see.
  if (!user || user.collection !== 'users')
    return redirect(`/admin/login?redirect=${encodeURIComponent(url.pathname + url.search)}`);

  const rest = url.pathname.replace(/^\/preview/, '') || '/';
  const unit = /^\/units\/([^/]+)\/?$/.exec(rest);
  if (unit) {
    const locale = url.searchParams.get('locale') ?? 'en';
    const result = await previewUnit(payload, decodeURIComponent(unit[1]), locale);
    if (result.ok) return redirect(`/preview/${result.path}`);
    const problems = (result.diagnostics ?? [])
      .map((d) => {
        const where = [d.file ?? d.path, d.line, d.column].filter(Boolean).join(':');
        return (
          `<li><code>${escapeHtml(where)}</code> ${escapeHtml(d.message)} ` +
          `<code>[${escapeHtml(d.ruleId)}]</code>` +
          `${d.fix ? `<br>${escapeHtml(d.fix)}` : ''}</li>`
        );
      })
      .join('');
    return new Response(
      '<!doctype html><html lang="en"><meta charset="utf-8">' +
        '<title>Preview not available</title><main><h1>Preview not available</h1>' +
        `<p>${escapeHtml(result.message)}</p>` +
        `${problems ? `<ul>${problems}</ul>` : ''}</main></html>`,
      { status: result.status, headers: { 'content-type': 'text/html; charset=utf-8' } },
    );
  }

  return staticResponse(previewsDir(), rest, '/preview', 'no-store');
}
