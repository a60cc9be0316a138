/**
 * The first admin needs a secret only the operator has: POLYCOURSE_ADMIN_EMAIL and
 * POLYCOURSE_ADMIN_PASSWORD (created on start), or the one-time setup token that `polycourse cms`
 * prints in its setup link. There is no default password anywhere in the code.
 */
import crypto from 'node:crypto';
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeOperationHook,
  type TextField,
  type Payload,
  type PayloadRequest,
} from 'payload';
import type { User } from './payload-types.ts';

/** Where the server finds the token's hash: set by `polycourse cms` for the server it starts. */
export const setupTokenHashVariable = 'POLYCOURSE_SETUP_TOKEN_SHA256';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * A new one-time setup token: the token goes in the printed link, only its hash goes to the server.
 */
export function createSetupToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(24).toString('base64url');
  return { token, hash: sha256(token) };
}

export async function createFirstAdmin(payload: Payload): Promise<void> {
  let totalDocs: number;
  try {
    ({ totalDocs } = await payload.count({ collection: 'users' }));
  } catch (error) {
    // A database without its schema yet (migrations not run): say so instead of stopping the start.
    payload.logger.warn(
      `Cannot count users (${(error as Error).message.split('\n')[0]}); ` +
        'run the migrations: payload migrate',
    );
    return;
  }
  if (totalDocs > 0) return;
  const email = process.env.POLYCOURSE_ADMIN_EMAIL;
  const password = process.env.POLYCOURSE_ADMIN_PASSWORD;
  if (email && password) {
    await payload.create({
      collection: 'users',
      data: { email, password, roles: ['admin'], name: 'Administrator' },
    });
    payload.logger.warn(
      `Created the first admin, ${email}, ` +
        'from POLYCOURSE_ADMIN_EMAIL and POLYCOURSE_ADMIN_PASSWORD.',
    );
    return;
  }
  // `polycourse cms` prints the setup link itself (it holds the token); anything else only says
  // how.
  if (!process.env[setupTokenHashVariable])
    payload.logger.warn(
      'No users yet: `polycourse cms` prints a one-time link to create the ' +
        'first admin (or set POLYCOURSE_ADMIN_EMAIL and POLYCOURSE_ADMIN_PASSWORD).',
    );
}

/**
 * The form field that carries the token: the admin's create-first-user view fills it from the
 * link's `?token=` (or the operator pastes it), and its form posts it to /api/users/first-register.
 * Shown only to nobody signed in (that view); virtual: never stored. Its label and description,
 * in the admin's languages, are the Users collection's (cms/collections/Users.ts).
 */
export const setupTokenField: TextField = {
  name: 'setupToken',
  type: 'text',
  virtual: true,
  defaultValue: ({ req }) => (typeof req.query?.token === 'string' ? req.query.token : undefined),
  admin: {
    condition: (_data, _siblingData, { user }) => !user,
    // virtual fields are read-only in the admin unless told otherwise: the token may be pasted
    readOnly: false,
    disableListColumn: true,
    disableListFilter: true,
  },
};

/**
 * Payload's first-register creates the user with access overridden and no user: the only such HTTP
 * create.
 */
const isFirstRegister = (req: PayloadRequest, overrideAccess?: boolean) =>
  Boolean(overrideAccess) && !req.user && req.payloadAPI !== 'local';

function tokenOf(req: PayloadRequest, data: Record<string, unknown> | undefined): string {
  const fromBody = data?.setupToken;
  const fromQuery = req.query?.token;
  return typeof fromBody === 'string' && fromBody
    ? fromBody
    : typeof fromQuery === 'string'
      ? fromQuery
      : '';
}

function matchesSetupToken(token: string): boolean {
  const expected = process.env[setupTokenHashVariable];
  if (!expected || !token) return false;
  const actual = Buffer.from(sha256(token), 'hex');
  const wanted = Buffer.from(expected, 'hex');
  return actual.length === wanted.length && crypto.timingSafeEqual(actual, wanted);
}

// Kept on globalThis: the Next server may load this module once per route bundle.
const usedTokens: Set<string> = ((globalThis as Record<symbol, Set<string>>)[
  Symbol.for('polycourse.usedSetupTokens')
] ??= new Set());

const refusal = () =>
  new APIError(
    process.env[setupTokenHashVariable]
      ? 'Creating the first admin needs the one-time setup link that `polycourse cms` ' +
          'printed on its console (…/admin/create-first-user?token=…). Nothing was created.'
      : 'Creating the first admin needs a setup token: start the CMS with ' +
          '`polycourse cms`, which prints a one-time setup link, or set ' +
          'POLYCOURSE_ADMIN_EMAIL and POLYCOURSE_ADMIN_PASSWORD. Nothing was created.',
    // With data, Payload's REST answer keeps the message (a minified build loses the error's class
    // name).
    403,
    { ruleId: 'polycourse:first-admin-setup' },
    true,
  );

/**
 * Users `beforeOperation`: first-register needs the setup token, and the account it creates is an
 * admin.
 */
export const requireSetupToken: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'create' || !isFirstRegister(req, overrideAccess)) return args;
  const data = args.data as Record<string, unknown> | undefined;
  const token = tokenOf(req, data);
  if (!matchesSetupToken(token) || usedTokens.has(token)) throw refusal();
  req.context.firstAdminSetupToken = token;
  return { ...args, data: { ...data, roles: ['admin'], setupToken: undefined } };
};

/**
 * Users `afterChange`: the token is spent once the admin is created (not before, so a form error
 * does not burn it). A second registration racing the first fails here and its transaction is
 * rolled back.
 */
export const spendSetupToken: CollectionAfterChangeHook<User> = ({ doc, operation, req }) => {
  const token = req.context.firstAdminSetupToken;
  if (operation !== 'create' || typeof token !== 'string') return doc;
  if (usedTokens.has(token)) throw refusal();
  usedTokens.add(token);
  req.payload.logger.warn(
    `Created the first admin, ${doc.email}, with the ` +
      'one-time setup link; the link no longer works.',
  );
  return doc;
};
