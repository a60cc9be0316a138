/**
 * `polycourse deploy <bundle-or-output> s3://bucket/prefix`: upload bundles to S3 or an
 * S3-compatible server, only what changed, pages after their assets, manifest.json last, then
 * delete what the bundle dropped. Problems are diagnostics (exit 1); a bad location is a usage
 * error (exit 2). Documented in docs/cli.md and docs/hosting.md.
 */
import path from 'node:path';
import {
  deployToS3,
  parseS3Url,
  type BundleDeploy,
  type DeployResult,
} from '../compiler/targets/deploy/s3-deploy.ts';
import { exitCodes, UsageError } from './exit-codes.ts';
import { createProgress } from './progress-bar.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';

export interface DeployCommandOptions {
  dir: string;
  /** `s3://bucket/prefix` */
  target: string;
  endpoint?: string;
  region?: string;
  profile?: string;
  forcePathStyle: boolean;
  dryRun: boolean;
  /** false with --no-delete */
  deleteDropped: boolean;
  json: boolean;
}

export async function deployCommand(options: DeployCommandOptions): Promise<number> {
  const target = parseS3Url(options.target);
  if (typeof target === 'string')
    throw new UsageError(`deploy: bad target "${options.target}": ${target}`);
  if (options.endpoint !== undefined && !/^https?:\/\/[^/]/.test(options.endpoint))
    throw new UsageError(`--endpoint must be an http(s) URL, got "${options.endpoint}"`);
  // The SDK warns on every run under Node 20 about its releases of 2027; the project supports 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const progress = createProgress('deploying', !options.json && !options.dryRun);
  let result: DeployResult;
  try {
    result = await deployToS3({
      dir: options.dir,
      target,
      s3: {
        endpoint: options.endpoint,
        region: options.region,
        profile: options.profile,
        forcePathStyle: options.forcePathStyle || undefined,
      },
      dryRun: options.dryRun,
      deleteDropped: options.deleteDropped,
      onProgress: (done, total, label) => progress.update(done, total, label),
    });
  } finally {
    progress.stop();
  }
  if (options.json) printJson(result);
  else {
    printDiagnostics(result.diagnostics);
    printSummary(result);
  }
  return result.ok ? exitCodes.ok : exitCodes.invalid;
}

const compared: Record<BundleDeploy['compared'], string> = {
  manifest: "compared with the bucket's manifest.json",
  listing: "no manifest.json there: compared the objects' ETags and sizes",
  empty: 'nothing there yet',
};

function printSummary(result: DeployResult): void {
  const out = process.stdout;
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  if (result.dryRun) out.write('Dry run: nothing was written to the bucket.\n');
  for (const b of result.bundles) {
    const would = result.dryRun ? 'would ' : '';
    out.write(
      `${rel(b.dir)} → ${b.url} (${compared[b.compared]}): ${would}upload ` +
        `${b.uploaded.length} file(s), ${size(b.bytes)}; ${b.skipped} unchanged; ` +
        `${would}delete ${b.deleted.length}` +
        (b.kept.length ? `; ${b.kept.length} dropped file(s) kept (--no-delete)` : '') +
        '\n',
    );
    if (!result.dryRun) continue;
    for (const u of b.uploaded)
      out.write(`  upload  ${u.key}  (${u.reason}, ${u.contentType}, ${u.cacheControl})\n`);
    for (const key of b.deleted) out.write(`  delete  ${key}\n`);
    for (const key of b.kept) out.write(`  keep    ${key}\n`);
  }
  if (result.ok) return;
  const wrote = result.bundles.some((b) => b.uploaded.length || b.deleted.length);
  out.write(
    wrote
      ? 'Deploy failed part-way: every page in the bucket still has its assets, and nothing ' +
          'was deleted before all new files were uploaded. Deploy again to finish.\n'
      : 'Deploy failed: nothing was written to the bucket.\n',
  );
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
