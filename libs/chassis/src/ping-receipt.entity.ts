import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row of `ping_receipt`: a `system.ping` received (PingHandler); the round-trip test counts them. */
@Entity({ name: 'ping_receipt' })
export class PingReceiptEntity {
  /** A bigserial: kept as a string, as pg returns a bigint. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'ping_id', type: 'uuid' })
  pingId!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ name: 'source', type: 'text' })
  source!: string;

  /** Set by the table's default (now()) on the insert. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
