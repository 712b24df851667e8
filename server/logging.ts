/**
 * Logger options. Haven's logs must never carry message text, PHI, passwords or tokens:
 * request logs keep method, route and status only (no query strings, no bodies, no headers),
 * and known secret-bearing paths are censored as a second line of defence.
 */
import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  'token', 'password', 'text', 'body', 'title', 'original', '*.token', '*.password', '*.text', '*.body', '*.title', '*.original',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(req: { method?: string; url?: string; routeOptions?: { url?: string }; id?: string }) {
        // The path without its query string: ids are fine, tokens or text in a query are not.
        const path = (req.url ?? '').split('?')[0];
        return { id: req.id, method: req.method, url: path };
      },
      res(res: { statusCode?: number }) {
        return { statusCode: res.statusCode };
      },
      err(err: Error & { code?: string; statusCode?: number }) {
        // Parse errors quote the input they failed on, so only server faults keep their message.
        const safe = (err.statusCode ?? 500) >= 500 && !(err instanceof SyntaxError);
        return { type: err.name, code: err.code, statusCode: err.statusCode, ...(safe ? { message: err.message, stack: err.stack } : {}) };
      },
    },
  };
}

export function fastifyLogger(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return stream ? { ...loggerOptions(level), stream } : loggerOptions(level);
}
