/**
 * How the learner services' endpoints (learner-api.ts, forum-api.ts) read and answer a request:
 * JSON in, bounded; JSON out with CORS headers and no caching unless said; errors as
 * `{ errors: [{ message }] }`; the learner from the Bearer token.
 */
import { headersWithCors, type PayloadRequest } from 'payload';
import type { z } from 'zod';
import { isLearner } from '../collections/Learners.ts';
import type { LearnerRef } from '../learners/record-events.ts';

/** Largest request body the learner API reads. */
export const maxLearnerBody = 256 * 1024;

export function reply(req: PayloadRequest, body: unknown, status = 200, headers: HeadersInit = {}) {
  const h = headersWithCors({ headers: new Headers(headers), req });
  if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  return Response.json(body, { status, headers: h });
}
export const problem = (req: PayloadRequest, status: number, message: string) =>
  reply(req, { errors: [{ message }] }, status);

/** The JSON body, bounded; a Response when it is missing, too large or not JSON. */
export async function jsonBody(
  req: PayloadRequest,
  /** what an empty body stands for, where a route takes none (else an empty body is refused) */
  empty?: unknown,
): Promise<unknown | Response> {
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > maxLearnerBody)
    return problem(req, 413, `The body is ${length} bytes; at most ${maxLearnerBody}.`);
  let text: string;
  try {
    text = (await (req as unknown as Request).text?.()) ?? '';
  } catch {
    return problem(req, 400, 'The body could not be read.');
  }
  if (text.length > maxLearnerBody)
    return problem(req, 413, `The body is ${text.length} characters; at most ${maxLearnerBody}.`);
  if (empty !== undefined && !text.trim()) return empty;
  try {
    return JSON.parse(text);
  } catch {
    return problem(req, 400, 'The body is not JSON: send Content-Type: application/json.');
  }
}

/** zod's issues as one message naming each field. */
export const issues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

export function signedInLearner(req: PayloadRequest): LearnerRef | undefined {
  return isLearner(req) ? (req.user as unknown as LearnerRef) : undefined;
}
export const needsLearner = (req: PayloadRequest) =>
  problem(
    req,
    401,
    'Sign in as a learner: send Authorization: Bearer <token> from /api/learner/login.',
  );
