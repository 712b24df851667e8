/**
 * Errors of the misinformation module with a stable `code`, so the server can report a bad
 * model folder at startup (and tests can check it) without parsing messages:
 *   MODEL_MISSING   a model folder or one of its files does not exist
 *   MODEL_CORRUPT   a file exists but cannot be parsed, fails its checksum or self-check, or
 *                   does not fit the encoder (e.g. head.json trained on other dimensions)
 *   ENCODER_CLOSED  embed() after close()
 *   WORKER_FAILED   an encoder worker thread died
 * The message never contains message text.
 */
export type MisinfoErrorCode = 'MODEL_MISSING' | 'MODEL_CORRUPT' | 'ENCODER_CLOSED' | 'WORKER_FAILED';

export class MisinfoModelError extends Error {
  readonly code: MisinfoErrorCode;
  constructor(code: MisinfoErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'MisinfoModelError';
    this.code = code;
  }
}
