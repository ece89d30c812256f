import { Brackets, type DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** How long a key answers with its first response (Stripe's window). */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
/**
 * A request still running after this long under its key, with nothing committed, is taken for lost (its process
 * died before its transaction committed): the key is free. One that committed keeps its key (`answer-lost`).
 */
export const IDEMPOTENCY_LOST_AFTER_SECONDS = 60;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'other-body' }
  | { kind: 'in-progress' }
  /** The first request committed its effect but died before its answer was kept: never run again. */
  | { kind: 'answer-lost' };

/** The service's `idempotency_key` table: one row per caller and key, holding the first response once it is known. */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  private keys() {
    return this.dataSource.manager.createQueryBuilder(IdempotencyKeyEntity, 'k');
  }

  /** Takes the key for this request, or says what the first request with it did. */
  async claim(principal: string, key: string, fingerprint: string): Promise<Claim> {
    // An expired key, or one whose request died before committing anything, is free again. The ages are measured
    // by the database's clock, as everywhere in this table.
    await this.dataSource.manager
      .createQueryBuilder()
      .delete()
      .from(IdempotencyKeyEntity)
      .where('principal = :principal AND key = :key', { principal, key })
      .andWhere(
        new Brackets((free) =>
          free
            .where('created_at < now() - make_interval(hours => :hours)', { hours: IDEMPOTENCY_WINDOW_HOURS })
            .orWhere('status IS NULL AND committed_at IS NULL AND created_at < now() - make_interval(secs => :secs)', {
              secs: IDEMPOTENCY_LOST_AFTER_SECONDS,
            }),
        ),
      )
      .execute();
    const inserted = await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyKeyEntity)
      .values({ principal, key, fingerprint })
      .orIgnore()
      .returning(['key'])
      .updateEntity(false)
      .execute();
    if ((inserted.raw as unknown[]).length > 0) return { kind: 'claimed' };
    const { entities, raw } = await this.keys()
      .addSelect('(k.committed_at IS NOT NULL AND k.created_at < now() - make_interval(secs => :secs))', 'lost')
      .where('k.principal = :principal AND k.key = :key', { principal, key, secs: IDEMPOTENCY_LOST_AFTER_SECONDS })
      .getRawAndEntities<{ lost: boolean }>();
    const row = entities[0];
    // Gone between the two statements (expired): treat as in progress, the client retries.
    if (!row) return { kind: 'in-progress' };
    if (row.fingerprint !== fingerprint) return { kind: 'other-body' };
    if (row.status === null) return raw[0].lost ? { kind: 'answer-lost' } : { kind: 'in-progress' };
    return { kind: 'replay', status: row.status, body: row.body };
  }

  async complete(principal: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .update(IdempotencyKeyEntity)
      // The body goes in as JSON text, so an answer without one is kept as JSON `null`: the entity's own jsonb
      // handling would write SQL NULL for it.
      .set({ status, body: () => ':body' })
      .setParameter('body', JSON.stringify(body ?? null))
      .where('principal = :principal AND key = :key', { principal, key })
      .execute();
  }

  /** The request failed before committing anything: the key is free, so the client may retry it. */
  async release(principal: string, key: string): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .delete()
      .from(IdempotencyKeyEntity)
      .where('principal = :principal AND key = :key AND status IS NULL AND committed_at IS NULL', { principal, key })
      .execute();
  }

  /** Drops keys past the window (the purge sweep). */
  async purge(): Promise<number> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .delete()
      .from(IdempotencyKeyEntity)
      .where('created_at < now() - make_interval(hours => :hours)', { hours: IDEMPOTENCY_WINDOW_HOURS })
      .execute();
    return result.affected ?? 0;
  }
}
