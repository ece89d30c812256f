import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  IdentityErrorCode,
  Role,
  effectiveKeyRoles,
  formatApiKey,
  identityError,
  parseApiKey,
  rolesBeyondOwner,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock, Page, PageQuery, toPage } from '@dealgate/common';
import { Actor } from '../audit/actor';
import { AuditEvent, AuditRepository } from '../audit/audit.repository';
import { DirectoryPublisher } from '../identity/directory-publisher';
import { PasswordHasher } from '../identity/password-hasher';
import { UsersRepository } from '../identity/users.repository';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKey, toApiKeyView } from './api-keys.dto';
import { ApiKeysRepository } from './api-keys.repository';

/** API keys for integrations: shown once, stored as argon2 hashes, scoped to a subset of the owner's roles. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeysRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly directory: DirectoryPublisher,
  ) {}

  async create(actor: Actor, dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    // The owner's roles as stored now, not as claimed by a token that may predate a role change.
    const owner = await this.users.findById(actor.userId);
    if (!owner || !owner.active) throw identityError(IdentityErrorCode.UserNotFound, 'Your account no longer exists.');
    const beyond = rolesBeyondOwner(dto.roles, owner.roles);
    if (beyond.length)
      throw identityError(
        IdentityErrorCode.ScopeExceedsRoles,
        `A key cannot have roles you do not hold: ${beyond.join(', ')}.`,
      );
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const secretHash = await this.hasher.hash(secret);
    const record = await this.dataSource.transaction(async (manager) => {
      const created = await this.keys.insert(
        { id: randomUUID(), keyId, userId: owner.id, name: dto.name.trim(), secretHash, roles: dto.roles },
        manager,
      );
      await this.audit.record(
        {
          event: AuditEvent.ApiKeyCreated,
          actorUserId: owner.id,
          subject: created.id,
          ip: actor.ip,
          details: { roles: dto.roles },
        },
        manager,
      );
      return created;
    });
    return { ...toApiKeyView(record), key: formatApiKey(keyId, secret) };
  }

  /** Your own keys; an admin sees everyone's. */
  async list(principal: Principal, page: PageQuery): Promise<Page<ApiKeyView>> {
    const { items, total } = await this.keys.list(principal.roles.includes(Role.Admin) ? null : principal.userId, page);
    return toPage(items.map(toApiKeyView), total, page);
  }

  /**
   * Revokes your own key (an admin any key); someone else's key answers as if it did not exist. The gateway stops
   * accepting the key at once; the tokens it became (`sid` = the key's id) are refused by every service as soon as
   * the owner's directory job with the key among the ended sessions arrives.
   */
  async revoke(principal: Principal, actor: Actor, id: string): Promise<void> {
    const key = await this.keys.findById(id);
    if (!key || (key.userId !== principal.userId && !principal.roles.includes(Role.Admin))) {
      throw identityError(IdentityErrorCode.ApiKeyNotFound, `No API key ${id}.`);
    }
    await this.dataSource.transaction(async (manager) => {
      if (await this.keys.revoke(id, this.clock.now(), manager)) {
        const owner = await this.users.findById(key.userId, manager);
        if (owner) await this.directory.user(owner, manager);
        await this.audit.record(
          { event: AuditEvent.ApiKeyRevoked, actorUserId: actor.userId, subject: id, ip: actor.ip },
          manager,
        );
      }
    });
  }

  /** The principal a presented key acts as, or null. Every use and every refusal of a well-formed key is audited. */
  async authenticate(
    raw: unknown,
    use: { ip: string | null; method: string; path: string },
  ): Promise<Principal | null> {
    const parsed = parseApiKey(raw);
    if (!parsed) return null;
    const key = await this.keys.findLive(parsed.keyId);
    const valid = key
      ? await this.hasher.verify(key.secretHash, parsed.secret)
      : (await this.hasher.burn(parsed.secret), false);
    const roles = key ? effectiveKeyRoles(key.roles, key.ownerRoles) : [];
    const details = { method: use.method, path: use.path.slice(0, 200) };
    if (!key || !valid || !key.ownerActive || roles.length === 0) {
      await this.audit.record({
        event: AuditEvent.ApiKeyRejected,
        actorUserId: key?.userId,
        subject: key?.id ?? parsed.keyId,
        ip: use.ip,
        details,
      });
      return null;
    }
    await this.keys.touch(key.id, this.clock.now());
    await this.audit.record({
      event: AuditEvent.ApiKeyUsed,
      actorUserId: key.userId,
      subject: key.id,
      ip: use.ip,
      details,
    });
    return {
      userId: key.userId,
      roles,
      unitId: key.ownerUnitId,
      tokenVersion: key.ownerTokenVersion,
      sessionId: key.id,
    };
  }
}
