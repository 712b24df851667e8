import { randomUUID } from 'node:crypto';

/** Time-ordered ids would leak activity rates; random UUIDs are fine at this scale. */
export const newId = (): string => randomUUID();
