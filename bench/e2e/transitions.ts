import { Client } from 'pg';
import { ApiClient } from './api-client';
import { E2eCompany, PreparedOffer } from './seed';

// The measured transition, through the public API: the salesperson submits the offer, approvals records the request
// (a job from prospects), the head approves it, prospects moves the prospect to offer defence (a job from approvals).
// The bench sees each effect in PostgreSQL (one query per poll for everything it waits for).

const EFFECT_TIMEOUT_MS = 120_000;

interface Waiter {
  resolve: (at: number) => void;
  reject: (error: Error) => void;
  since: number;
}

/** Waits for approval requests to exist and for prospects to reach offer defence, polling every `pollMs`. */
export class EffectWatcher {
  private readonly requests = new Map<string, Waiter>();
  private readonly prospects = new Map<string, Waiter>();
  private running = true;
  private loop: Promise<void> | undefined;
  /** Queries sent (each one a commit of its own, taken off the system's count). */
  queries = 0;

  constructor(
    private readonly db: Client,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** When the approval request `id` was first seen (performance.now()). */
  request(id: string): Promise<number> {
    return this.wait(this.requests, id);
  }

  /** When the prospect was first seen at offer defence. */
  stage(prospectId: string): Promise<number> {
    return this.wait(this.prospects, prospectId);
  }

  private wait(map: Map<string, Waiter>, id: string): Promise<number> {
    return new Promise((resolve, reject) => map.set(id, { resolve, reject, since: performance.now() }));
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.requests.size + this.prospects.size > 0) {
        this.queries++;
        const { rows } = await this.db.query<{ kind: string; id: string }>(
          `SELECT 'r' AS kind, id::text FROM approvals.approval_request WHERE id = ANY($1::uuid[])
           UNION ALL
           SELECT 'p', id::text FROM prospects.prospect WHERE id = ANY($2::uuid[]) AND stage = 'offer_defence'`,
          [[...this.requests.keys()], [...this.prospects.keys()]],
        );
        const seen = performance.now();
        for (const row of rows) {
          const map = row.kind === 'r' ? this.requests : this.prospects;
          map.get(row.id)?.resolve(seen);
          map.delete(row.id);
        }
        for (const map of [this.requests, this.prospects]) {
          for (const [id, waiter] of map) {
            if (seen - waiter.since < EFFECT_TIMEOUT_MS) continue;
            waiter.reject(new Error(`no effect for ${id} within ${EFFECT_TIMEOUT_MS / 1000} s`));
            map.delete(id);
          }
        }
      }
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }
}

/** One transition's times (ms, performance.now()). */
export interface TransitionTimes {
  submitSent: number;
  submitAnswered: number;
  requestSeen: number;
  approveAnswered: number;
  stageSeen: number;
}

export async function runTransition(
  api: ApiClient,
  watcher: EffectWatcher,
  { head, seller }: E2eCompany,
  offer: PreparedOffer,
): Promise<TransitionTimes> {
  const submitSent = performance.now();
  const submitted = await api.call<{ approvalRequestId: string }>(
    seller.token,
    'POST',
    `/api/offers/${offer.offerId}/submit`,
    { version: offer.version },
  );
  const submitAnswered = performance.now();
  const requestSeen = await watcher.request(submitted.approvalRequestId);
  // The offer policy's first step is the unit's head.
  await api.call(head.token, 'POST', `/api/approvals/${submitted.approvalRequestId}/approve`, { stepIndex: 0 });
  const approveAnswered = performance.now();
  const stageSeen = await watcher.stage(offer.prospectId);
  return { submitSent, submitAnswered, requestSeen, approveAnswered, stageSeen };
}

export interface PhaseResult {
  done: TransitionTimes[];
  errors: string[];
  ms: number;
}

/**
 * At saturation: `concurrency` transitions in flight at all times (each slot takes the next offer when its
 * previous transition has moved the stage), timed from the first submit to the last stage moved.
 */
export async function saturate(
  api: ApiClient,
  watcher: EffectWatcher,
  company: E2eCompany,
  offers: PreparedOffer[],
  concurrency: number,
): Promise<PhaseResult> {
  const done: TransitionTimes[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  const slot = async () => {
    while (next < offers.length) {
      const offer = offers[next++];
      try {
        done.push(await runTransition(api, watcher, company, offer));
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, slot));
  return { done, errors, ms: performance.now() - started };
}

/** Paced (open loop): a transition starts every 1/rate s whatever the others do, for as many offers as given. */
export async function paced(
  api: ApiClient,
  watcher: EffectWatcher,
  company: E2eCompany,
  offers: PreparedOffer[],
  perSecond: number,
): Promise<PhaseResult> {
  const done: TransitionTimes[] = [];
  const errors: string[] = [];
  const started = performance.now();
  await Promise.all(
    offers.map(async (offer, i) => {
      const at = started + (i * 1000) / perSecond;
      await new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));
      try {
        done.push(await runTransition(api, watcher, company, offer));
      } catch (error) {
        errors.push((error as Error).message);
      }
    }),
  );
  return { done, errors, ms: performance.now() - started };
}
