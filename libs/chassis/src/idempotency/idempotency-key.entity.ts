import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `idempotency_key`: a caller's key, and the first response once it is known (IdempotencyStore). */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'principal', type: 'text' })
  principal!: string;

  @PrimaryColumn({ name: 'key', type: 'text' })
  key!: string;

  /** Method, path and body of the first request (fingerprintOf). */
  @Column({ name: 'fingerprint', type: 'text' })
  fingerprint!: string;

  /** Null while the first request runs. */
  @Column({ name: 'status', type: 'integer', nullable: true })
  status!: number | null;

  @Column({ name: 'body', type: 'jsonb', nullable: true })
  body!: unknown;

  /** Set by the table's default (now()) on the insert. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a transaction of the request committed (IdempotencyCommitMark). */
  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt!: Date | null;
}
