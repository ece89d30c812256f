import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Job stores (Redis, BullMQ's PostgreSQL tables) and logs must never hold personal data in clear. The few jobs
// that must carry some (a user's e-mail for the notifications service) carry it sealed with AES-256-GCM under a
// key shared by the services (PII_KEY). Rotating the key: new seals use the new key; see docs/architecture.md.

const VERSION = 'v1';

function keyBytes(key: string): Buffer {
  // Any high-entropy string becomes a 32-byte key.
  return createHash('sha256').update(key, 'utf8').digest();
}

export function sealPersonalData(data: object, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

/** Opens a sealed value; throws on a wrong key or any tampering (GCM authenticates the whole value). */
export function openPersonalData<T>(sealed: string, key: string): T {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !body) throw new Error('Not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(key), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}
