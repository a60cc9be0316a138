/**
 * First run: with no users yet, create the admin from POLYCOURSE_ADMIN_EMAIL and POLYCOURSE_ADMIN_PASSWORD,
 * or print the one-time setup link of the admin. There is no default password anywhere in the code.
 */
import type { Payload } from 'payload';

export async function createFirstAdmin(payload: Payload): Promise<void> {
  let totalDocs: number;
  try {
    ({ totalDocs } = await payload.count({ collection: 'users' }));
  } catch (error) {
    // A database without its schema yet (migrations not run): say so instead of stopping the start.
    payload.logger.warn(`Cannot count users (${(error as Error).message.split('\n')[0]}); run the migrations: payload migrate`);
    return;
  }
  if (totalDocs > 0) return;
  const email = process.env.POLYCOURSE_ADMIN_EMAIL;
  const password = process.env.POLYCOURSE_ADMIN_PASSWORD;
  if (email && password) {
    await payload.create({ collection: 'users', data: { email, password, roles: ['admin'], name: 'Administrator' } as never });
    payload.logger.warn(`Created the first admin, ${email}, from POLYCOURSE_ADMIN_EMAIL and POLYCOURSE_ADMIN_PASSWORD.`);
    return;
  }
  const url = process.env.PAYLOAD_PUBLIC_SERVER_URL ?? 'http://localhost:3000';
  payload.logger.warn(`No users yet. Create the first admin at ${url}/admin/create-first-user (or set POLYCOURSE_ADMIN_EMAIL and POLYCOURSE_ADMIN_PASSWORD).`);
}
