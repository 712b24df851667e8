/**
 * Bootstrap: the first admin (from configuration) and an optional demo community with
 * accounts, so a new install can be tried at once. Demo passwords are printed once, on
 * the terminal of whoever started the server, never to the log.
 */
import type { FastifyInstance } from 'fastify';

export async function ensureAdmin(app: FastifyInstance): Promise<void> {
  const { adminHandle, adminPassword } = app.config;
  if (!adminHandle) return;
  if (await app.repos.users.byHandle(adminHandle)) return;
  await app.services.accounts.createAdmin(adminHandle, adminPassword);
  app.log.info('created the admin account from HAVEN_ADMIN_HANDLE');
}

export const DEMO_PASSWORD = 'haven-demo-password';

export async function seedDemo(app: FastifyInstance): Promise<string[]> {
  const { accounts, communities } = app.services;
  if (await app.repos.communities.bySlug('diabetes-support')) return [];
  const admin = (await app.repos.users.byHandle('demo_admin')) ?? (await app.repos.users.byId((await accounts.createAdmin('demo_admin', DEMO_PASSWORD)).id));
  const adminRow = (await app.repos.users.byHandle('demo_admin'))!;
  void admin;
  const community = await communities.create(adminRow, {
    slug: 'diabetes-support',
    name: 'Type 1 & Type 2 Diabetes Support',
    description: 'Peer support for people living with diabetes and those who care for them.',
    policy: { wordLists: { block: [], hold: ['miracle cure'], censor: ['damn'] } },
  });
  await communities.createRoom(adminRow, community.id, 'General chat');
  await communities.createRoom(adminRow, community.id, 'Newly diagnosed');
  const created: string[] = [];
  for (const handle of ['demo_member', 'demo_member2', 'demo_moderator', 'demo_clinician']) {
    const { user } = await accounts.register(handle, DEMO_PASSWORD);
    await communities.join((await app.repos.users.byId(user.id))!, community.id);
    created.push(handle);
  }
  const moderator = (await app.repos.users.byHandle('demo_moderator'))!;
  await communities.appointModerator(adminRow, community.id, moderator.id, true);
  const clinician = (await app.repos.users.byHandle('demo_clinician'))!;
  await accounts.verifyClinician(adminRow, clinician.id, { fullName: 'Demo Clinician', credential: 'RN, CDCES', jurisdiction: 'Oregon, US', licenceNumber: 'DEMO-0000' });
  return ['demo_admin', ...created];
}
