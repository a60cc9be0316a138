/**
 * A real S3-compatible server on loopback for the deploy tests: S3rver (npm @20minutes/s3rver, a
 * maintained fork of s3rver) on a free port of 127.0.0.1, storing objects in a temp folder. It
 * checks AWS Signature V4 against the fixed test keys below, so wrong keys are refused as on AWS.
 * Every request is logged in order (start and end) to check what a deploy sent, and when.
 *
 * One shim: S3rver builds the canonical path of a bucket-level request (`GET /bucket/?list-type=2`,
 * `POST /bucket/?delete`) without the trailing slash that the AWS SDK v3 signs, so every listing
 * and batch delete fails with SignatureDoesNotMatch. The shim gives the signature check the path
 * exactly as requested. (ListObjectsV2 pages beyond the first also fail under OpenSSL 3: S3rver
 * makes continuation tokens with DES. The tests keep listings under 1,000 objects.)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tempDir } from './temp-course.ts';

const require = createRequire(import.meta.url);

export const testKeys = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface LoggedRequest {
  seq: number;
  event: 'start' | 'end';
  method: string;
  /** The object key (decoded), or '' for a bucket-level request. */
  key: string;
  /** `list-type=2`, `delete`, `x-id=PutObject` … */
  query: string;
  status?: number;
}

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** Where S3rver keeps the objects. */
  directory: string;
  log: LoggedRequest[];
  /** Requests that change the bucket (PUT, POST, DELETE), as they ended. */
  writes(): LoggedRequest[];
  /** Answer 503 (without acting) to the requests it returns true for: a server failing mid-way. */
  failWhen?: (request: { method: string; key: string; query: string }) => boolean;
  close(): Promise<void>;
}

interface KoaContext {
  method: string;
  path: string;
  querystring: string;
  status: number;
  headers: Record<string, unknown>;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverApp {
  middleware: Middleware[];
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}

let shimmed = false;
/** Paths of the requests being checked, by their headers object (which the check receives). */
const requestPaths = new WeakMap<object, string>();

function shimSignatureCheck(): void {
  if (shimmed) return;
  shimmed = true;
  const v4 = require('@20minutes/s3rver/lib/signature/v4') as {
    getStringToSign: (canonical: { uri: string; headers: object }, request: unknown) => string;
  };
  const original = v4.getStringToSign;
  v4.getStringToSign = (canonical, request) => {
    const requested = requestPaths.get(canonical.headers);
    const uri =
      requested?.endsWith('/') && !canonical.uri.endsWith('/')
        ? `${canonical.uri}/`
        : canonical.uri;
    return original({ ...canonical, uri }, request);
  };
}

export async function startS3Server(bucket = 'courses'): Promise<S3TestServer> {
  shimSignatureCheck();
  const S3rver = require('@20minutes/s3rver') as new (options: object) => S3rverApp;
  const directory = tempDir('polycourse-s3-');
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const log: LoggedRequest[] = [];
  const handle = {} as S3TestServer;
  let seq = 0;
  // First of all middleware: sees every request as sent and every answer.
  server.middleware.unshift(async (ctx, next) => {
    requestPaths.set(ctx.headers, ctx.path);
    const key = decodeURIComponent(ctx.path.split('/').slice(2).join('/'));
    const base = { method: ctx.method, key, query: ctx.querystring };
    log.push({ seq: seq++, event: 'start', ...base });
    let status: number | undefined;
    try {
      if (handle.failWhen?.(base)) {
        status = 503;
        throw Object.assign(new Error('injected failure'), { status: 503 });
      }
      await next();
      status = ctx.status;
    } catch (error) {
      status ??= (error as { status?: number }).status ?? 500;
      throw error;
    } finally {
      log.push({ seq: seq++, event: 'end', ...base, status });
    }
  });
  const { port } = await server.run();
  Object.assign(handle, {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    log,
    writes: () => log.filter((r) => r.event === 'end' && r.method !== 'GET' && r.method !== 'HEAD'),
    async close() {
      await server.close();
      fs.rmSync(path.resolve(directory), { recursive: true, force: true });
    },
  });
  return handle;
}
