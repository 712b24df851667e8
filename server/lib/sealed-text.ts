/**
 * AES-256-GCM sealing of private text (originals of redacted or held messages).
 * Format: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url). The first key encrypts;
 * every configured key decrypts, so keys can be rotated without losing readable items.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TextSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

export class SealError extends Error {
  readonly code = 'SEALED_TEXT_UNREADABLE';
}

export function parseKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64 || !/^[A-Za-z0-9_-]+$/.test(id)) throw new SealError('HAVEN_ENCRYPTION_KEYS entries must look like keyId:base64key');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new SealError(`encryption key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
    keys.set(id, key);
  }
  return keys;
}

/** Reads keys from configuration, or creates and keeps a local key file on first start. */
export function loadKeys(spec: string, dataDir: string): { keys: Map<string, Buffer>; generated: boolean } {
  if (spec.trim()) return { keys: parseKeys(spec), generated: false };
  const file = path.join(dataDir, 'encryption.keys');
  if (existsSync(file)) return { keys: parseKeys(readFileSync(file, 'utf8')), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const line = `k${Date.now().toString(36)}:${randomBytes(32).toString('base64')}`;
  writeFileSync(file, line + '\n', { mode: 0o600 });
  return { keys: parseKeys(line), generated: true };
}

export function createSealer(keys: Map<string, Buffer>): TextSealer {
  const first = keys.entries().next();
  if (first.done) throw new SealError('no encryption key configured');
  const [currentId, currentKey] = first.value;
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
    },
    open(sealed) {
      const [version, keyId, iv, tag, ct] = sealed.split(':');
      const key = keyId ? keys.get(keyId) : undefined;
      if (version !== 'v1' || !key || !iv || !tag || ct === undefined) throw new SealError('sealed text has an unknown format or key');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SealError('sealed text failed authentication');
      }
    },
  };
}
