import type { UserRow, UserRole } from '../../db/repositories/index.js';
import { conflict, forbidden, HavenError, notFound, unauthorized } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { hashPassword, hashToken, newToken, verifyPassword } from '../lib/passwords.js';
import type { ServiceDeps } from './deps.js';

export interface PublicUser {
  id: string;
  handle: string;
  role: UserRole;
  status: UserRow['status'];
  mutedUntil: number | null;
  clinician?: { credential: string; jurisdiction: string; verifiedAt: number } | undefined;
}

// A dummy hash so a login for an unknown handle costs as much as a real one.
let dummyHash: Promise<string> | undefined;

export class AccountsService {
  constructor(private readonly deps: ServiceDeps) {}

  async register(handle: string, password: string, role: UserRole = 'member'): Promise<{ user: PublicUser; token: string }> {
    const { repos, config } = this.deps;
    if (await repos.users.byHandle(handle)) throw conflict('HANDLE_TAKEN', 'That handle is already in use. Please choose another.');
    const passwordHash = await hashPassword(password, config.scryptCost);
    let user: UserRow;
    try {
      user = await repos.users.create({ id: newId(), handle, passwordHash, role });
    } catch (error) {
      if (String((error as Error).message).includes('UNIQUE')) throw conflict('HANDLE_TAKEN', 'That handle is already in use. Please choose another.');
      throw error;
    }
    const token = await this.startSession(user.id);
    return { user: await this.publicUser(user), token };
  }

  async login(handle: string, password: string): Promise<{ user: PublicUser; token: string }> {
    const user = await this.deps.repos.users.byHandle(handle);
    if (!user) {
      dummyHash ??= hashPassword('not-a-real-password', this.deps.config.scryptCost);
      await verifyPassword(password, await dummyHash);
      throw new HavenError(401, 'INVALID_CREDENTIALS', 'That handle and password do not match.');
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      throw new HavenError(401, 'INVALID_CREDENTIALS', 'That handle and password do not match.');
    }
    if (user.status === 'suspended') throw new HavenError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended. Contact the community admins.');
    return { user: await this.publicUser(user), token: await this.startSession(user.id) };
  }

  async logout(token: string): Promise<void> {
    await this.deps.repos.users.deleteSession(hashToken(token));
  }

  /** Resolves a bearer token to its user, or undefined when unknown or expired. */
  async authenticate(token: string): Promise<UserRow | undefined> {
    if (!token || token.length > 200) return undefined;
    const user = await this.deps.repos.users.sessionUser(hashToken(token), this.deps.now());
    if (!user || user.status === 'suspended') return undefined;
    return user;
  }

  async requireUser(token: string | undefined): Promise<UserRow> {
    const user = token ? await this.authenticate(token) : undefined;
    if (!user) throw unauthorized();
    return user;
  }

  async publicUser(user: UserRow): Promise<PublicUser> {
    const verification = user.role === 'clinician' ? await this.deps.repos.users.activeVerification(user.id) : undefined;
    return {
      id: user.id,
      handle: user.handle,
      role: user.role,
      status: user.status,
      mutedUntil: user.mutedUntil,
      ...(verification
        ? { clinician: { credential: verification.credential, jurisdiction: verification.jurisdiction, verifiedAt: verification.verifiedAt } }
        : {}),
    };
  }

  /** The logged-in user with their memberships. */
  async me(user: UserRow) {
    const [profile, memberships] = await Promise.all([this.publicUser(user), this.deps.repos.communities.membershipsOf(user.id)]);
    return { ...profile, memberships: memberships.map((m) => ({ communityId: m.communityId, role: m.role, approvedCount: m.approvedCount, mutedUntil: m.mutedUntil })) };
  }

  async byId(id: string): Promise<UserRow> {
    const user = await this.deps.repos.users.byId(id);
    if (!user) throw notFound('User');
    return user;
  }

  /** Creates the first admin (CLI or env on first start); refuses if the handle exists. */
  async createAdmin(handle: string, password: string): Promise<PublicUser> {
    const existing = await this.deps.repos.users.byHandle(handle);
    if (existing) throw conflict('HANDLE_TAKEN', `A user named ${handle} already exists.`);
    const { user } = await this.register(handle, password, 'admin');
    await this.audit(null, 'user.create_admin', user.id, {});
    return user;
  }

  async setRole(actor: UserRow, userId: string, role: UserRole): Promise<PublicUser> {
    this.requireAdmin(actor);
    const user = await this.byId(userId);
    if (role === 'clinician') throw forbidden('Clinicians are verified through the clinician verification endpoint.');
    await this.deps.repos.users.setRole(user.id, role);
    await this.audit(actor.id, 'user.role', user.id, { from: user.role, to: role });
    return this.publicUser({ ...user, role });
  }

  async verifyClinician(
    actor: UserRow,
    userId: string,
    details: { fullName: string; credential: string; jurisdiction: string; licenceNumber: string },
  ): Promise<PublicUser> {
    this.requireAdmin(actor);
    const user = await this.byId(userId);
    const { repos, now } = this.deps;
    const existing = await repos.users.activeVerification(user.id);
    if (existing) throw conflict('ALREADY_VERIFIED', 'This clinician is already verified; revoke the current verification first.');
    const at = now();
    const verification = await repos.users.addVerification({ id: newId(), userId: user.id, ...details, verifiedAt: at, verifiedBy: actor.id });
    await repos.users.setRole(user.id, 'clinician');
    // The licence number and name are personal data: the audit keeps only the verification id.
    await this.audit(actor.id, 'clinician.verify', user.id, { verificationId: verification.id, credential: details.credential, jurisdiction: details.jurisdiction });
    return this.publicUser({ ...user, role: 'clinician' });
  }

  async revokeClinician(actor: UserRow, userId: string, reason: string): Promise<PublicUser> {
    this.requireAdmin(actor);
    const user = await this.byId(userId);
    const { repos, now } = this.deps;
    const existing = await repos.users.activeVerification(user.id);
    if (!existing) throw notFound('An active clinician verification');
    await repos.users.revokeVerification(existing.id, actor.id, now());
    await repos.users.setRole(user.id, 'member');
    await this.audit(actor.id, 'clinician.revoke', user.id, { verificationId: existing.id }, reason);
    return this.publicUser({ ...user, role: 'member' });
  }

  async search(actor: UserRow, query: string): Promise<PublicUser[]> {
    this.requireAdmin(actor);
    const rows = await this.deps.repos.users.search(query, 50);
    return Promise.all(rows.map((u) => this.publicUser(u)));
  }

  requireAdmin(user: UserRow): void {
    if (user.role !== 'admin') throw forbidden('Only an admin can do that.');
  }

  private async startSession(userId: string): Promise<string> {
    const token = newToken();
    const { repos, config, now } = this.deps;
    await repos.users.createSession({ id: newId(), tokenHash: hashToken(token), userId, expiresAt: now() + config.sessionTtlHours * 3_600_000 });
    return token;
  }

  private async audit(actorId: string | null, action: string, targetId: string, data: Record<string, unknown>, reason?: string) {
    await this.deps.repos.audit.append({ actorId, action, targetType: 'user', targetId, data, reason: reason ?? null }, this.deps.now());
  }
}
