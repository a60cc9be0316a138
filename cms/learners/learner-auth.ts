/**
 * A learner's Bearer token checked with one small prepared query, before Payload's own strategy.
 *
 * Why: every learner API request signs in, and Payload's strategy (`local-jwt`) reads the whole
 * learner through `payload.findByID` (the operation, its hooks and the sessions array, its SQL
 * built by drizzle each time): on "my rank" that was most of the work (docs/benchmarks.md, sixth
 * run). This one verifies the token as Payload does (the same secret, algorithm and auth version)
 * and reads only what the endpoints use, joined to the token's session: a session ended by logout,
 * by a newer sign-in's pruning or by deleting the account ends the token here too, as in Payload's.
 *
 * It answers only for learners' Bearer tokens on the SQL adapters (SQLite, PostgreSQL). For
 * anything else (a staff token, a cookie, MongoDB) it returns no user and Payload's own strategy
 * runs as before; a learner token it refuses is refused by Payload's too.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { and, eq, sql } from '@payloadcms/db-postgres/drizzle';
import { decodeJwt, jwtVerify } from 'jose';
import { JWT_AUTH_VERSION, type AuthStrategy, type Payload } from 'payload';
import { prepared, type Prepared } from './sql-statements.ts';

/** The columns the learner endpoints read from `req.user` (LearnerRef, publicLearner). */
interface LearnerRow {
  id: number;
  username: string | null;
  email: string | null;
  displayName: string | null;
  leaderboard: boolean | null;
  evaluationKey: string | null;
}

/** The learner with the token's session, if the session is still on the account. */
const learnerQuery = (payload: Payload) =>
  prepared(payload, 'polycourse_learner_session', ({ drizzle, tables }, name) => {
    const { learners, learners_sessions: sessions } = tables;
    return drizzle
      .select({
        id: learners.id,
        username: learners.username,
        email: learners.email,
        displayName: learners.displayName,
        leaderboard: learners.leaderboard,
        evaluationKey: learners.evaluationKey,
      })
      .from(learners)
      .innerJoin(sessions, eq(sessions._parentID, learners.id))
      .where(and(eq(learners.id, sql.placeholder('id')), eq(sessions.id, sql.placeholder('sid'))))
      .limit(1)
      .prepare(name) as Prepared<{ id: number; sid: string }, LearnerRow>;
  });

/** Payload's signing key (its secret's bytes, as Payload signs), made once: jose takes it as is. */
const keys = new WeakMap<Payload, KeyObject>();
const keyOf = (payload: Payload) => {
  let key = keys.get(payload);
  if (!key) keys.set(payload, (key = createSecretKey(new TextEncoder().encode(payload.secret))));
  return key;
};

export const learnerBearer: AuthStrategy = {
  name: 'learner-bearer',
  authenticate: async ({ headers, payload }) => {
    const none = { user: null };
    const authorization = headers.get('authorization');
    if (!authorization?.startsWith('Bearer ')) return none;
    const token = authorization.slice('Bearer '.length);
    const collection = payload.collections.learners?.config;
    if (!collection?.auth?.useSessions) return none;
    let claims: ReturnType<typeof decodeJwt>;
    try {
      // Unverified first, only to leave staff tokens to Payload's strategy without a second check.
      if (decodeJwt(token).collection !== 'learners') return none;
      const verified = await jwtVerify(token, keyOf(payload), { algorithms: ['HS256'] });
      if (verified.protectedHeader.authVersion !== JWT_AUTH_VERSION) return none;
      claims = verified.payload;
    } catch {
      return none;
    }
    const { id, sid } = claims;
    if (typeof id !== 'number' || typeof sid !== 'string') return none;
    const query = learnerQuery(payload);
    if (!query) return none;
    const [row] = await query.execute({ id, sid });
    if (!row) return none;
    return {
      user: {
        ...row,
        leaderboard: Boolean(row.leaderboard),
        collection: 'learners',
        _strategy: 'learner-bearer',
        _sid: sid,
      } as never,
    };
  },
};
