import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

const markKey = (mark: string) => `dealgate.wakeOnCommit.${mark}`;

/** The mark of a transaction that wrote to the outbox (its commit wakes the relay). */
export const OUTBOX_WRITTEN = 'outbox';

/**
 * Marks the transaction of `manager` (a transaction's entity manager) as one whose commit wakes whoever listens for
 * `mark` in this process (a `CommitHook`): the relay for the outbox, a sweep for the work table it drains.
 */
export function markForCommitWake(manager: EntityManager, mark: string): void {
  const queryRunner = manager.queryRunner;
  if (!queryRunner) return;
  queryRunner.data = { ...queryRunner.data, [markKey(mark)]: true };
}

/** Marks the transaction of `manager` as one that wrote to the outbox (called by `emitJob`). */
export function markOutboxWritten(manager: EntityManager): void {
  markForCommitWake(manager, OUTBOX_WRITTEN);
}

function clearMark(queryRunner: QueryRunner, mark: string): boolean {
  const key = markKey(mark);
  const marked = queryRunner.data?.[key] === true;
  if (marked) delete (queryRunner.data as Record<string, unknown>)[key];
  return marked;
}

/**
 * Calls `onCommit` after every commit of the data source whose transaction was marked with `mark`: a TypeORM
 * subscriber on the transaction events, so no code has to remember to wake the relay (or a sweep), and nothing is
 * added to the commit itself (a NOTIFY would take PostgreSQL's database-wide notification lock at every commit;
 * measured: the exactly-once path of bench:messaging 1.5-1.8x -> 2.1-2.4x of plain BullMQ). A rollback, or a
 * savepoint's release, calls nothing. What wakes is this process' own listener: the other replicas poll.
 */
export class CommitHook implements EntitySubscriberInterface {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mark: string,
    private readonly onCommit: () => void,
  ) {}

  attach(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  detach(): void {
    const at = this.dataSource.subscribers.indexOf(this);
    if (at >= 0) this.dataSource.subscribers.splice(at, 1);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // Fired after a savepoint's release too: only the outermost commit made the rows visible.
    if (!queryRunner.isTransactionActive && clearMark(queryRunner, this.mark)) this.onCommit();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) clearMark(queryRunner, this.mark);
  }
}

/** Wakes the relay after every commit that wrote to the outbox. */
export class OutboxCommitHook extends CommitHook {
  constructor(dataSource: DataSource, onCommit: () => void) {
    super(dataSource, OUTBOX_WRITTEN, onCommit);
  }
}
