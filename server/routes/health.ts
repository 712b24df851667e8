import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/health/live', { schema: { tags: ['health'], summary: 'The process is up', security: [] } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { tags: ['health'], summary: 'Storage answers and the pipeline is running', security: [] } }, async (_req, reply) => {
    // A pipeline whose workers are all down (being replaced) cannot moderate: not ready.
    const pipeline = (app.pipeline as { stats?: () => { workers: number } }).stats?.();
    if (pipeline && pipeline.workers === 0) {
      return reply.status(503).send({ statusCode: 503, code: 'NOT_READY', message: 'The moderation pipeline is restarting.' });
    }
    try {
      await app.dbHandle.ping();
      return { status: 'ready', stages: app.pipeline.stageNames, sockets: app.hub.socketCount };
    } catch {
      return reply.status(503).send({ statusCode: 503, code: 'NOT_READY', message: 'Storage is not answering.' });
    }
  });
}
