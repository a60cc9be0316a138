/**
 * The learner Bearer strategy (cms/learners/learner-auth.ts) on each real database: it signs in the
 * same learner as Payload's own JWT strategy, with the fields the endpoints read, and refuses what
 * Payload's refuses (an ended session, a deleted account, another secret, another auth version); a
 * staff token is left to Payload's strategy. MongoDB has no SQL query, so there Payload's strategy
 * answers for learners too (checked where a server answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import {
  createLocalReq,
  JWT_AUTH_VERSION,
  JWTAuthentication,
  logoutOperation,
  type Payload,
} from 'payload';
import { databaseAvailable, startCms } from '../helpers/cms.ts';
import { learnerBearer } from '../../cms/learners/learner-auth.ts';

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

for (const kind of ['sqlite', 'postgres', 'mongodb'] as const) {
  const available = await databaseAvailable(kind);
  describe.skipIf(available !== true)(
    `learner sign-in on ${kind}${available === true ? '' : ` (skipped: ${available})`}`,
    { timeout: 120_000 },
    () => {
      let payload: Payload;
      let stop: () => Promise<void>;
      const ours = (token: string) =>
        learnerBearer.authenticate({ headers: bearer(token), payload });
      const payloads = (token: string) =>
        JWTAuthentication({ headers: bearer(token), payload, strategyName: 'local-jwt' });
      const signIn = async (username: string) =>
        (
          await payload.login({
            collection: 'learners',
            data: { username, password: `pw-${username}-123` } as never,
          })
        ).token!;
      const learner = (username: string, more: Record<string, unknown> = {}) =>
        payload.create({
          collection: 'learners',
          data: { username, password: `pw-${username}-123`, ...more } as never,
          overrideAccess: true,
        });

      beforeAll(async () => {
        ({ payload, stop } = await startCms(kind));
      });
      afterAll(async () => {
        await stop?.();
      });

      it("signs in whom Payload's strategy signs in, with the endpoints' fields", async () => {
        await learner('ines', { displayName: 'Inès', leaderboard: true, email: 'i@example.org' });
        const token = await signIn('ines');
        const theirs = (await payloads(token)).user as unknown as Record<string, unknown>;
        const { user } = await ours(token);
        if (kind === 'mongodb') return expect(user).toBeNull();
        for (const field of [
          'id',
          'username',
          'email',
          'displayName',
          'leaderboard',
          'evaluationKey',
          'collection',
          '_sid',
        ])
          expect((user as unknown as Record<string, unknown>)[field], field).toEqual(theirs[field]);
        expect(user).toMatchObject({ leaderboard: true, collection: 'learners' });
        // The whole chain picks this strategy first.
        const auth = await payload.auth({ headers: bearer(token) });
        expect(auth.user).toMatchObject({ id: theirs.id, _strategy: 'learner-bearer' });
      });

      it.skipIf(kind === 'mongodb')(
        'a logout ends that token only; a deleted account ends all',
        async () => {
          const made = await learner('omar');
          const first = await signIn('omar');
          const second = await signIn('omar');
          expect((await ours(first)).user).not.toBeNull();
          const req = await createLocalReq({ user: (await ours(first)).user as never }, payload);
          await logoutOperation({ collection: payload.collections.learners, req });
          expect((await ours(first)).user).toBeNull();
          expect((await payloads(first)).user).toBeNull();
          expect((await ours(second)).user).toMatchObject({ id: made.id });
          await payload.delete({ collection: 'learners', id: made.id, overrideAccess: true });
          expect((await ours(second)).user).toBeNull();
        },
      );

      it('refuses forged tokens and leaves staff tokens to Payload', async () => {
        const made = await learner('zoe');
        const token = await signIn('zoe');
        const { sid } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
        const sign = (secret: string, header: Record<string, unknown>) =>
          new SignJWT({ id: made.id, collection: 'learners', sid })
            .setProtectedHeader({ alg: 'HS256', ...header })
            .setExpirationTime('1h')
            .sign(new TextEncoder().encode(secret));
        const right = { authVersion: JWT_AUTH_VERSION };
        for (const forged of [
          await sign('another-secret', right),
          await sign(payload.secret, {}),
          await sign(payload.secret, { authVersion: JWT_AUTH_VERSION + 1 }),
          `${token.slice(0, -4)}AAAA`,
          'not-a-token',
        ]) {
          expect((await ours(forged)).user).toBeNull();
          expect((await payloads(forged)).user).toBeNull();
        }
        // The same claims signed right are taken (the test signs as Payload does).
        if (kind !== 'mongodb')
          expect((await ours(await sign(payload.secret, right))).user).toMatchObject({
            id: made.id,
          });
        // Cookies and staff tokens are Payload's.
        const staff = await payload.create({
          collection: 'users',
          data: { email: 'staff@example.org', password: 'pw-staff-123', roles: ['admin'] },
          overrideAccess: true,
        });
        const staffToken = (
          await payload.login({
            collection: 'users',
            data: { email: 'staff@example.org', password: 'pw-staff-123' },
          })
        ).token!;
        expect((await ours(staffToken)).user).toBeNull();
        expect((await payload.auth({ headers: bearer(staffToken) })).user).toMatchObject({
          id: staff.id,
          collection: 'users',
          _strategy: 'local-jwt',
        });
      });
    },
  );
}
