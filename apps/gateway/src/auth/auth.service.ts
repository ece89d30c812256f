import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { IdentityErrorCode, decideRefresh, identityError, normalizeEmail, passwordProblems } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { Actor } from '../audit/actor';
import { AuditEvent, AuditRepository } from '../audit/audit.repository';
import { DirectoryPublisher } from '../identity/directory-publisher';
import { PasswordHasher } from '../identity/password-hasher';
import { UserView, toUserView } from '../identity/users.dto';
import { UserRecord, UsersRepository } from '../identity/users.repository';
import { TokenPair } from './auth.dto';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokenIssuer, hashRefreshToken } from './token-issuer';
import { passwordGuessesLog10 } from '../identity/password-strength';

const principalOf = (user: UserRecord): Principal => ({
  userId: user.id,
  roles: user.roles,
  unitId: user.unitId,
  tokenVersion: user.tokenVersion,
});

/**
 * Login, refresh-token rotation with reuse detection, logout and password change. Whatever ends sessions tells the
 * other services in the same transaction (directory job), so the access tokens of those sessions stop working there
 * within seconds, not when they expire.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly issuer: TokenIssuer,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly directory: DirectoryPublisher,
  ) {}

  async login(email: string, password: string, ip: string | null): Promise<TokenPair> {
    const user = await this.users.findByEmail(normalizeEmail(email));
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : (await this.hasher.burn(password), false);
    if (!user || !valid || !user.active) {
      const reason = !user ? 'unknown_email' : !valid ? 'wrong_password' : 'inactive';
      await this.audit.record({
        event: AuditEvent.LoginFailed,
        actorUserId: user?.id,
        subject: normalizeEmail(email),
        ip,
        details: { reason },
      });
      // One answer for every failure: the caller never learns whether the account exists.
      throw identityError(IdentityErrorCode.InvalidCredentials, 'The e-mail or password is wrong.');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record(
        { event: AuditEvent.LoginSucceeded, actorUserId: user.id, subject: user.id, ip },
        manager,
      );
      return this.issuer.issue(principalOf(user), randomUUID(), manager);
    });
  }

  /** Exchanges a refresh token for a new pair; a token presented twice revokes its whole family. */
  async refresh(refreshToken: string, ip: string | null): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(refreshToken), manager);
      const now = this.clock.now();
      const decision = decideRefresh(token, now);
      if (decision.kind === 'refuse' || !token) return { pair: null, reused: false };
      if (decision.kind === 'reuse_detected') {
        await this.refreshTokens.revokeFamily(token.familyId, 'reuse_detected', now, manager);
        await this.publish(token.userId, manager);
        await this.audit.record(
          { event: AuditEvent.RefreshReuseDetected, actorUserId: token.userId, subject: token.familyId, ip },
          manager,
        );
        return { pair: null, reused: true };
      }
      const user = await this.users.findById(token.userId, manager);
      if (!user) return { pair: null, reused: false };
      await this.refreshTokens.markRotated(token.id, now, manager);
      // Fresh roles and unit from the user row: a role change reaches the next access token.
      return { pair: await this.issuer.issue(principalOf(user), token.familyId, manager), reused: false };
    });
    if (outcome.pair) return outcome.pair;
    if (outcome.reused)
      throw identityError(
        IdentityErrorCode.RefreshTokenReused,
        'This refresh token was already used; all sessions of this login are ended. Log in again.',
      );
    throw identityError(
      IdentityErrorCode.InvalidRefreshToken,
      'The refresh token is invalid or expired. Log in again.',
    );
  }

  /**
   * Ends the session (the token's family) and its access tokens (their `sid`); other logins of the user go on.
   * Unknown tokens are ignored: logout never reveals anything.
   */
  async logout(refreshToken: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(refreshToken), manager);
      if (!token) return;
      await this.refreshTokens.revokeFamily(token.familyId, 'logout', this.clock.now(), manager);
      await this.publish(token.userId, manager);
      await this.audit.record(
        { event: AuditEvent.Logout, actorUserId: token.userId, subject: token.familyId, ip },
        manager,
      );
    });
  }

  /** Ends every session of the caller and every access token signed so far (the token version moves on). */
  async logoutEverywhere(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(actor.userId, manager, true);
      if (!user) throw identityError(IdentityErrorCode.UserNotFound, 'Your account no longer exists.');
      const bumped = await this.users.update(user.id, user.version, { tokenVersion: user.tokenVersion + 1 }, manager);
      if (!bumped)
        throw identityError(IdentityErrorCode.VersionConflict, 'Your account was changed meanwhile; try again.');
      await this.refreshTokens.revokeAllOfUser(user.id, 'logout_everywhere', this.clock.now(), manager);
      await this.directory.user(bumped, manager);
      await this.audit.record(
        {
          event: AuditEvent.Logout,
          actorUserId: user.id,
          subject: user.id,
          ip: actor.ip,
          details: { everywhere: true },
        },
        manager,
      );
    });
  }

  /** Tells the other services about the user's ended sessions (the directory job carries them). */
  private async publish(userId: string, manager: EntityManager): Promise<void> {
    const user = await this.users.findById(userId, manager);
    if (user) await this.directory.user(user, manager);
  }

  /** A password change ends every session of the user (other devices included) and every access token. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user || !user.active) throw identityError(IdentityErrorCode.UserNotFound, 'Your account no longer exists.');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.audit.record({
        event: AuditEvent.LoginFailed,
        actorUserId: user.id,
        subject: user.email,
        ip: actor.ip,
        details: { reason: 'password_change' },
      });
      throw identityError(IdentityErrorCode.InvalidCredentials, 'The current password is wrong.');
    }
    const problems = passwordProblems(newPassword, {
      email: user.email,
      name: user.name,
      guessesLog10: passwordGuessesLog10(newPassword, [user.email, user.name]),
    });
    if (problems.length)
      throw identityError(IdentityErrorCode.WeakPassword, `The new password ${problems.join(', ')}.`, {
        fields: [{ field: 'newPassword', problems }],
      });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const updated = await this.users.update(
        user.id,
        user.version,
        { passwordHash, mustChangePassword: false, tokenVersion: user.tokenVersion + 1 },
        manager,
      );
      if (!updated)
        throw identityError(IdentityErrorCode.VersionConflict, 'Your account was changed meanwhile; try again.');
      await this.refreshTokens.revokeAllOfUser(user.id, 'password_changed', this.clock.now(), manager);
      await this.directory.user(updated, manager);
      await this.audit.record(
        { event: AuditEvent.PasswordChanged, actorUserId: user.id, subject: user.id, ip: actor.ip },
        manager,
      );
    });
  }

  async me(principal: Principal): Promise<UserView> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw identityError(IdentityErrorCode.UserNotFound, 'Your account no longer exists.');
    return toUserView(user);
  }
}
