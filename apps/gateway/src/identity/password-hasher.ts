import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): slow for a guesser, a few tens of ms for a login.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id hashing for passwords and API-key secrets. */
@Injectable()
export class PasswordHasher {
  // Verified against when the e-mail is unknown, so a login takes as long whether or not the account exists.
  private dummy: Promise<string> | undefined;

  hash(secret: string): Promise<string> {
    return hash(secret, OPTIONS);
  }

  async verify(hashed: string, secret: string): Promise<boolean> {
    try {
      return await verify(hashed, secret);
    } catch {
      return false;
    }
  }

  async burn(secret: string): Promise<void> {
    this.dummy ??= this.hash('dealgate-timing-equaliser');
    await this.verify(await this.dummy, secret);
  }
}
