import type { DbHandle } from '../client.js';
import { AuditRepository } from './audit.js';
import { CommunitiesRepository } from './communities.js';
import { MessagesRepository } from './messages.js';
import { QueueRepository } from './queue.js';
import { SanctionsRepository } from './sanctions.js';
import { UsersRepository } from './users.js';

export interface Repositories {
  users: UsersRepository;
  communities: CommunitiesRepository;
  messages: MessagesRepository;
  queue: QueueRepository;
  audit: AuditRepository;
  sanctions: SanctionsRepository;
}

export function createRepositories({ db, tables }: Pick<DbHandle, 'db' | 'tables'>): Repositories {
  return {
    users: new UsersRepository(db, tables),
    communities: new CommunitiesRepository(db, tables),
    messages: new MessagesRepository(db, tables),
    queue: new QueueRepository(db, tables),
    audit: new AuditRepository(db, tables),
    sanctions: new SanctionsRepository(db, tables),
  };
}

export * from './audit.js';
export * from './communities.js';
export * from './messages.js';
export * from './queue.js';
export * from './sanctions.js';
export * from './users.js';
