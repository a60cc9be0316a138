/**
 * Deploy bundles to an S3 bucket (or any S3-compatible server) with the AWS SDK v3: read what the
 * bucket holds, plan (plan-deploy.ts), then upload in order (assets, pages, service workers),
 * delete what the bundle dropped and write manifest.json last. Credentials and region come from
 * the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN,
 * AWS_PROFILE and ~/.aws, SSO, instance roles …) unless given. Every failure is a Diagnostic;
 * after a failure nothing more is written and nothing is deleted.
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { sha256 } from '../../model/fingerprint.ts';
import { inParallel } from '../../process/in-parallel.ts';
import { manifestName, type FileEntry } from '../static-bundle/manifest.ts';
import {
  DeployError,
  findBundles,
  loadBundle,
  md5,
  readBundleFile,
  type FoundBundle,
} from './bundle-files.ts';
import {
  objectKey,
  parseRemoteManifest,
  planDeploy,
  revalidateCache,
  type DeployPlan,
  type LocalBundle,
  type PlannedUpload,
  type RemoteState,
} from './plan-deploy.ts';

export interface S3Location {
  bucket: string;
  /** Without leading or trailing slash; '' for the bucket's root. */
  prefix: string;
}

/**
 * `s3://bucket/some/prefix` → { bucket, prefix }, or why it is not a usable location (a bucket
 * name S3 accepts; prefix segments neither empty nor `.`/`..`).
 */
export function parseS3Url(url: string): S3Location | string {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!match) return 'it must look like s3://<bucket>/<prefix>';
  const [, bucket, rest = ''] = match;
  if (!/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/.test(bucket))
    return `"${bucket}" is not a bucket name (3-63 lowercase letters, digits, dots, dashes)`;
  const prefix = rest.replace(/\/+$/, '');
  if (
    prefix &&
    (/[\\\u0000-\u001f\u007f]/.test(prefix) ||
      prefix.split('/').some((s) => s === '' || s === '.' || s === '..'))
  )
    return `the prefix "${prefix}" has an empty, "." or ".." segment or a control character`;
  return { bucket, prefix };
}

export const s3Url = (location: S3Location, key = location.prefix) =>
  `s3://${location.bucket}/${key}`;

export interface S3Settings {
  /** An S3-compatible server (`http://127.0.0.1:9000`); else AWS, or AWS_ENDPOINT_URL(_S3). */
  endpoint?: string;
  region?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (most S3-compatible servers). */
  forcePathStyle?: boolean;
  /** A profile of ~/.aws/config and ~/.aws/credentials (else AWS_PROFILE, else default). */
  profile?: string;
  /** Instead of the default chain (for callers that hold their own keys, e.g. tests). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface DeployOptions {
  /** A bundle folder (holds manifest.json) or an output folder with one per course. */
  dir: string;
  target: S3Location;
  s3?: S3Settings;
  /** Plan only: read the bucket, write nothing. */
  dryRun?: boolean;
  /** Delete the objects the bundle dropped (default true). */
  deleteDropped?: boolean;
  /** Requests at once (default 8). */
  concurrency?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface BundleDeploy {
  /** The bundle folder (real path). */
  dir: string;
  course: string;
  /** s3://bucket/prefix the bundle went (or would go) to. */
  url: string;
  compared: DeployPlan['compared'];
  /** Uploaded (or, in a dry run, to upload), in order. */
  uploaded: Pick<PlannedUpload, 'key' | 'size' | 'reason' | 'contentType' | 'cacheControl'>[];
  skipped: number;
  deleted: string[];
  /** Dropped from the bundle but kept in the bucket (deleting turned off). */
  kept: string[];
  bytes: number;
  /** Every step done (false in a dry run and after a failure). */
  complete: boolean;
}

export interface DeployResult {
  ok: boolean;
  dryRun: boolean;
  uploaded: number;
  skipped: number;
  deleted: number;
  bytes: number;
  bundles: BundleDeploy[];
  diagnostics: Diagnostic[];
}

const defaultConcurrency = 8;
/** A bucket's manifest.json larger than this is not read (a course's is well under 1 MB). */
const maxRemoteManifestBytes = 32 * 1024 * 1024;

export async function deployToS3(options: DeployOptions): Promise<DeployResult> {
  const bundles: BundleDeploy[] = [];
  const diagnostics: Diagnostic[] = [];
  const result = (ok: boolean): DeployResult => ({
    ok,
    dryRun: !!options.dryRun,
    uploaded: bundles.reduce((n, b) => n + b.uploaded.length, 0),
    skipped: bundles.reduce((n, b) => n + b.skipped, 0),
    deleted: bundles.reduce((n, b) => n + b.deleted.length, 0),
    bytes: bundles.reduce((n, b) => n + b.bytes, 0),
    bundles,
    diagnostics,
  });
  let client: S3Client | undefined;
  try {
    const prepared: Prepared[] = [];
    for (const found of findBundles(options.dir)) {
      const { bundle, diagnostics: problems } = loadBundle(found.dir);
      diagnostics.push(...problems);
      if (bundle) prepared.push({ found, bundle } as Prepared);
    }
    if (diagnostics.length) return result(false);
    client = await createS3Client(options.s3 ?? {});
    // Plan every bundle before writing anything: one that cannot be planned stops them all.
    for (const p of prepared) await planBundle(client, p, options, diagnostics);
    if (options.dryRun) {
      bundles.push(...prepared.map((p) => dryRunOf(p)));
      return result(true);
    }
    const total = prepared.reduce((n, p) => n + steps(p.plan), 0);
    const progress = { done: 0, total, report: options.onProgress };
    for (const p of prepared) {
      const record = emptyRecord(p);
      bundles.push(record);
      await carryOut(client, p, record, options.concurrency ?? defaultConcurrency, progress);
      record.complete = true;
    }
    return result(true);
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    diagnostics.push({ file: s3Url(options.target), ...error.diagnostic });
    return result(false);
  } finally {
    client?.destroy();
  }
}

interface Prepared {
  found: FoundBundle;
  bundle: LocalBundle;
  location: S3Location;
  plan: DeployPlan;
}

async function planBundle(
  client: S3Client,
  p: Prepared,
  options: DeployOptions,
  diagnostics: Diagnostic[],
): Promise<void> {
  const { target } = options;
  const prefix = [target.prefix, p.found.subPrefix].filter(Boolean).join('/');
  p.location = { bucket: target.bucket, prefix };
  const remote = await readRemote(client, p.location, diagnostics);
  if (remote?.kind === 'manifest' && remote.manifest.course !== p.found.course)
    throw new DeployError({
      severity: 'error',
      ruleId: 'polycourse:deploy-other-course',
      file: s3Url(p.location, objectKey(prefix, manifestName)),
      message:
        `${s3Url(p.location)} holds the course "${remote.manifest.course}", not ` +
        `"${p.found.course}": deploying would replace and delete its files`,
      fix:
        'Deploy to another prefix (each course under its own), or empty that prefix first if ' +
        'the course there is to go.',
    });
  if (remote?.kind === 'listing') p.bundle.md5 = localMd5(p, remote);
  p.plan = planDeploy({
    local: p.bundle,
    remote,
    prefix,
    deleteDropped: options.deleteDropped ?? true,
  });
  if (p.plan.ignoredRemotePaths.length)
    diagnostics.push({
      severity: 'warning',
      ruleId: 'polycourse:deploy-remote-manifest',
      file: s3Url(p.location, objectKey(prefix, manifestName)),
      message:
        `Lists ${p.plan.ignoredRemotePaths.length} path(s) that are not bundle paths ` +
        `(${p.plan.ignoredRemotePaths.slice(0, 3).join(', ')}): they are neither compared nor ` +
        'deleted',
      fix: 'Nothing to do for this deploy; the new manifest.json replaces that one.',
    });
}

/** MD5 of the local files whose object has the same size: compared with the ETags. */
function localMd5(p: Prepared, remote: Extract<RemoteState, { kind: 'listing' }>) {
  const out = new Map<string, string>();
  for (const entry of p.bundle.manifest.files) {
    if (remote.objects.get(entry.path)?.size === entry.size)
      out.set(entry.path, md5(readBundleFile(p.found.dir, entry)));
  }
  return out;
}

const steps = (plan: DeployPlan) =>
  plan.uploads.length + plan.deletions.length + (plan.interimManifest ? 1 : 0);

function emptyRecord(p: Prepared): BundleDeploy {
  return {
    dir: p.found.dir,
    course: p.found.course,
    url: s3Url(p.location),
    compared: p.plan.compared,
    uploaded: [],
    skipped: p.plan.skipped.length,
    deleted: [],
    kept: p.plan.kept.map((k) => k.key),
    bytes: 0,
    complete: false,
  };
}

function dryRunOf(p: Prepared): BundleDeploy {
  return {
    ...emptyRecord(p),
    uploaded: p.plan.uploads.map(summary),
    deleted: p.plan.deletions.map((d) => d.key),
    bytes: p.plan.uploads.reduce((n, u) => n + u.size, 0),
  };
}

const summary = ({ key, size, reason, contentType, cacheControl }: PlannedUpload) => ({
  key,
  size,
  reason,
  contentType,
  cacheControl,
});

interface Progress {
  done: number;
  total: number;
  report?: (done: number, total: number, label: string) => void;
}

/** Interim manifest, assets, pages, service workers, deletions, then manifest.json. */
async function carryOut(
  client: S3Client,
  p: Prepared,
  record: BundleDeploy,
  concurrency: number,
  progress: Progress,
): Promise<void> {
  const { plan, location } = p;
  const step = (label: string) => {
    progress.done++;
    progress.report?.(progress.done, progress.total, label);
  };
  if (plan.interimManifest) {
    const body = Buffer.from(`${JSON.stringify(plan.interimManifest, null, 2)}\n`);
    const key = objectKey(location.prefix, manifestName);
    await put(client, location, { key, contentType: 'application/json' }, body);
    step(key);
  }
  const send = async (u: PlannedUpload) => {
    await put(client, location, u, readBundleFile(p.found.dir, u), u);
    record.uploaded.push(summary(u));
    record.bytes += u.size;
    step(u.key);
  };
  for (const phase of ['assets', 'pages', 'service-workers'] as const)
    await inParallel(
      plan.uploads.filter((u) => u.phase === phase),
      concurrency,
      send,
    );
  for (let i = 0; i < plan.deletions.length; i += 1000) {
    const batch = plan.deletions.slice(i, i + 1000).map((d) => d.key);
    await deleteKeys(client, location, batch);
    record.deleted.push(...batch);
    for (const key of batch) step(key);
  }
  for (const u of plan.uploads.filter((x) => x.phase === 'manifest')) await send(u);
}

async function put(
  client: S3Client,
  location: S3Location,
  object: { key: string; contentType: string; cacheControl?: string },
  body: Buffer,
  entry?: FileEntry,
): Promise<void> {
  try {
    await client.send(
      new PutObjectCommand({
        Bucket: location.bucket,
        Key: object.key,
        Body: body,
        ContentLength: body.length,
        ContentType: object.contentType,
        CacheControl: object.cacheControl ?? revalidateCache,
        // The manifest's sha256: S3 checks the bytes it received against it (unless checksums
        // are sent only when required: AWS_REQUEST_CHECKSUM_CALCULATION=when_required, for
        // servers that refuse them).
        ChecksumSHA256:
          (await client.config.requestChecksumCalculation()) === 'WHEN_REQUIRED'
            ? undefined
            : Buffer.from(entry?.sha256 ?? sha256(body), 'hex').toString('base64'),
      }),
    );
  } catch (error) {
    throw requestProblem(error, 'upload', s3Url(location, object.key));
  }
}

async function deleteKeys(client: S3Client, location: S3Location, keys: string[]) {
  let errors: { Key?: string; Code?: string; Message?: string }[] | undefined;
  try {
    const answer = await client.send(
      new DeleteObjectsCommand({
        Bucket: location.bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    errors = answer.Errors;
  } catch (error) {
    throw requestProblem(error, 'delete', s3Url(location, keys[0]));
  }
  if (errors?.length) {
    const first = errors[0];
    const error = Object.assign(new Error(first.Message ?? 'not deleted'), { name: first.Code });
    throw requestProblem(error, 'delete', s3Url(location, first.Key ?? keys[0]));
  }
}

/** The bucket's manifest.json under the prefix, else a listing, else undefined (nothing there). */
async function readRemote(
  client: S3Client,
  location: S3Location,
  diagnostics: Diagnostic[],
): Promise<RemoteState | undefined> {
  const key = objectKey(location.prefix, manifestName);
  let why: string | undefined;
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
    if ((answer.ContentLength ?? 0) > maxRemoteManifestBytes) {
      (answer.Body as { destroy?: () => void } | undefined)?.destroy?.();
      why = `larger than ${maxRemoteManifestBytes / 1024 / 1024} MB`;
    } else {
      const bytes = (await answer.Body?.transformToByteArray()) ?? new Uint8Array();
      const parsed = parseRemoteManifest(bytes);
      if (typeof parsed !== 'string')
        return { kind: 'manifest', manifest: parsed, sha256: sha256(bytes) };
      why = parsed;
    }
  } catch (error) {
    if (!isMissingKey(error)) throw requestProblem(error, 'read', s3Url(location, key));
  }
  if (why)
    diagnostics.push({
      severity: 'warning',
      ruleId: 'polycourse:deploy-remote-manifest',
      file: s3Url(location, key),
      message: `Not a bundle manifest (${why}): comparing the objects' ETags and sizes instead`,
      fix: 'Nothing to do: this deploy writes a new manifest.json there.',
    });
  const objects = await listObjects(client, location);
  return objects.size ? { kind: 'listing', objects } : undefined;
}

async function listObjects(client: S3Client, location: S3Location) {
  const objects = new Map<string, { size: number; etag?: string }>();
  const prefix = location.prefix ? `${location.prefix}/` : '';
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(
        new ListObjectsV2Command({
          Bucket: location.bucket,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      );
    } catch (error) {
      throw requestProblem(error, 'list', s3Url(location));
    }
    for (const o of page.Contents ?? [])
      if (o.Key?.startsWith(prefix))
        objects.set(o.Key.slice(prefix.length), { size: o.Size ?? -1, etag: o.ETag });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

function isMissingKey(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e.name === 'NoSuchKey' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket')
  );
}

/**
 * An S3 client from the settings and the SDK's default chains. Without a region anywhere, an
 * S3-compatible endpoint is signed for us-east-1 (such servers mostly ignore it); AWS itself
 * needs one.
 */
export async function createS3Client(settings: S3Settings): Promise<S3Client> {
  const config: S3ClientConfig = {
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    profile: settings.profile,
    credentials: settings.credentials,
    region: settings.region,
    maxAttempts: 3,
    // A server that accepts the connection and then says nothing does not hang the deploy.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 300_000 },
  };
  const client = new S3Client(config);
  if (settings.region) return client;
  try {
    await client.config.region();
    return client;
  } catch {
    client.destroy();
  }
  const endpoint =
    settings.endpoint || process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL;
  if (endpoint) return new S3Client({ ...config, region: 'us-east-1' });
  throw new DeployError({
    severity: 'error',
    ruleId: 'polycourse:deploy-credentials',
    message: 'No AWS region: the bucket cannot be addressed',
    fix:
      "Give --region (the bucket's region, e.g. eu-west-1), or set AWS_REGION or a profile's " +
      'region.',
  });
}

const credentialCodes = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'AccessDenied',
  'AllAccessDisabled',
  'AuthorizationHeaderMalformed',
  'CredentialsProviderError',
]);
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** An SDK or network error as a deploy diagnostic: credentials, or the request itself. */
export function requestProblem(error: unknown, action: string, url: string): DeployError {
  if (error instanceof DeployError) return error;
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  const what = [e.name && e.name !== 'Error' ? e.name : e.code, status && `HTTP ${status}`]
    .filter(Boolean)
    .join(', ');
  const detail = `${(e.message ?? String(error)).split('\n')[0]}${what ? ` (${what})` : ''}`;
  const base = { severity: 'error' as const, file: url };
  if (credentialCodes.has(e.name ?? '') || status === 401 || status === 403)
    return new DeployError({
      ...base,
      ruleId: 'polycourse:deploy-credentials',
      message: `Cannot ${action}: the credentials were refused or are missing: ${detail}`,
      fix:
        'Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ' +
        'keys) or AWS_PROFILE / --profile, with s3:GetObject, s3:PutObject, s3:ListBucket and ' +
        's3:DeleteObject on the bucket.',
    });
  const unreachable =
    networkCodes.has(e.code ?? '') || e.name === 'TimeoutError' || /ECONNREFUSED/.test(detail);
  return new DeployError({
    ...base,
    ruleId: 'polycourse:deploy-request',
    message: unreachable
      ? `Cannot ${action}: the server cannot be reached: ${detail}`
      : `Cannot ${action}: ${detail}`,
    fix: unreachable
      ? 'Check --endpoint (or AWS_ENDPOINT_URL_S3), the network, and that the server is running; ' +
        'an S3-compatible server usually needs --force-path-style (<bucket>.<host> names often ' +
        'do not resolve). Then deploy again.'
      : e.name === 'NoSuchBucket'
        ? 'Check the bucket name, --region and --endpoint; create the bucket first.'
        : 'Deploy again; nothing was deleted, and the next deploy uploads what is missing.',
  });
}
