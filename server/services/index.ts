import { AccountsService } from './accounts.js';
import { CommunitiesService } from './communities.js';
import type { ServiceDeps } from './deps.js';
import { MessagesService } from './messages.js';
import { QueueService } from './queue.js';
import { AuditService } from './audit.js';
import { SanctionsService } from './sanctions.js';
import { StatsService } from './stats.js';

export interface Services {
  accounts: AccountsService;
  communities: CommunitiesService;
  messages: MessagesService;
  queue: QueueService;
  audit: AuditService;
  sanctions: SanctionsService;
  stats: StatsService;
}

export function createServices(deps: ServiceDeps): Services {
  const accounts = new AccountsService(deps);
  const communities = new CommunitiesService(deps);
  const messages = new MessagesService(deps, communities);
  const queue = new QueueService(deps, communities, messages);
  const audit = new AuditService(deps, communities);
  return { accounts, communities, messages, queue, audit, sanctions: new SanctionsService(deps, communities), stats: new StatsService(deps, communities) };
}

export type { ServiceDeps } from './deps.js';
