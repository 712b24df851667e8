import type { FastifyError, FastifyInstance } from 'fastify';
import { HavenError } from '../../lib/errors.js';

/** Every error leaves as JSON `{ statusCode, code, message }` with a stable code. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HavenError, request, reply) => {
    if (error instanceof HavenError) {
      return reply.status(error.statusCode).send({ statusCode: error.statusCode, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      return reply.status(400).send({ statusCode: 400, code: 'VALIDATION_FAILED', message: `Invalid request: ${fe.message}` });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send JSON with Content-Type: application/json.' });
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ statusCode: 400, code: 'EMPTY_BODY', message: 'The request body is empty; send a JSON object.' });
    }
    if (error instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.status(400).send({ statusCode: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
    }
    if (fe.statusCode && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ statusCode: fe.statusCode, code: fe.code ?? 'BAD_REQUEST', message: 'The request could not be processed.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side. Nothing you sent was lost; please try again.' });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` });
  });
}
