import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { DomainError, IdentityErrorCode, Role } from '@dealgate/domain';
import { GatewayEnv } from '../gateway.env';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const DEFAULT_ADMIN_EMAIL = 'admin@dealgate.local';

/**
 * With no user at all, creates the first admin: from ADMIN_EMAIL / ADMIN_PASSWORD, or (embedded mode) with a random
 * password written once to ADMIN_PASSWORD_FILE for `npm start` to print. The password is never logged.
 */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly config: GatewayEnv,
    private readonly users: UsersRepository,
    private readonly service: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.countAll()) > 0) return;
    const email = this.config.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
    const file = this.config.ADMIN_PASSWORD ? undefined : this.config.ADMIN_PASSWORD_FILE;
    const password = this.config.ADMIN_PASSWORD ?? (file ? randomBytes(18).toString('base64url') : undefined);
    if (!password) {
      this.logger.warn('No user exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin.');
      return;
    }
    // Written before the user exists: a crash in between leaves a file, never an admin nobody can log in as.
    if (file) writeFileSync(file, JSON.stringify({ email, password }), { mode: 0o600 });
    try {
      // A generated password was seen by whoever read the file: the admin must replace it at the first login.
      await this.service.create({ email, name: 'Administrator', password, roles: [Role.Admin] }, null, {
        mustChangePassword: !!file,
      });
      this.logger.log(`Created the first admin ${email}.`);
    } catch (error) {
      // Another replica booting at the same time won.
      if (!(error instanceof DomainError && error.code === IdentityErrorCode.EmailTaken)) throw error;
      if (file) rmSync(file, { force: true });
    }
  }
}
