/**
 * A signed-in admin page on which every request that does not go to the CMS server is refused
 * and recorded: the admin must work with no other host (docs/cms.md).
 */
import type { Browser, Page } from 'playwright-core';
import { formStateSettler } from './browser.ts';
import type { CmsServer } from './cms-server.ts';

export interface OfflineAdminPage {
  page: Page;
  /** Every URL the page asked for that is not the server's. */
  refused: string[];
  /** Resolves once the form's last form-state request has been answered. */
  settled(): Promise<void>;
}

export async function offlineAdminPage(
  browser: Browser,
  cms: CmsServer,
  viewport = { width: 1280, height: 900 },
): Promise<OfflineAdminPage> {
  const page = await browser.newPage({ viewport });
  // A loaded CI machine (two cores, other servers building) can take its time to hydrate a form.
  page.setDefaultTimeout(60_000);
  const refused: string[] = [];
  const settled = formStateSettler(page);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(cms.url) || /^(data|blob):/.test(url)) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  await page.goto(`${cms.url}/admin/login`);
  await page.fill('#field-email', cms.admin.email);
  await page.fill('#field-password', cms.admin.password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${cms.url}/admin`);
  return { page, refused, settled };
}
