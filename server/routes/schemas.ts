import { Type, type Static } from '@sinclair/typebox';

/** Shared request pieces. Limits here are generous outer bounds; services enforce the configured ones. */
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const IdParams = Type.Object({ id: Id });
export const Handle = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$', description: 'Pseudonymous handle: letters, digits, _ . -' });
export const Password = Type.String({ minLength: 10, maxLength: 200 });
export const MessageText = Type.String({ minLength: 1, maxLength: 100_000 });
export const Title = Type.String({ minLength: 1, maxLength: 1000 });
export const ErrorBody = Type.Object({ statusCode: Type.Integer(), code: Type.String(), message: Type.String() });
export const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200 }));

export type IdParamsT = Static<typeof IdParams>;

export const errorResponses = {
  400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody,
};
