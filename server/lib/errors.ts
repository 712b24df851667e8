/** Errors with a stable machine-readable code and a message a person can act on. */
export class HavenError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HavenError(404, 'NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do that.') => new HavenError(403, 'FORBIDDEN', message);
export const unauthorized = () => new HavenError(401, 'UNAUTHENTICATED', 'Please log in first.');
export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new HavenError(409, code, message, details);
export const badRequest = (code: string, message: string) => new HavenError(400, code, message);
