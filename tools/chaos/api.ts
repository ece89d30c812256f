import { randomUUID } from 'node:crypto';

/** One person the driver acts as: logs in with a password, logs in again when the token is refused. */
export interface Actor {
  name: string;
  email: string;
  password: string;
  id: string;
  token?: string;
}

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver reads JSON answers loosely
  body: any;
  /** An earlier try of this same call may have been applied (its answer was lost: a dead process, a 5xx). */
  uncertain: boolean;
}

/** Answers that say nothing about whether the call was applied: try again, it may have been. */
const isUncertain = (status: number) => status === 0 || status >= 500 || status === 429;

/** A call or a wait this long is told (`onSlow`, `eventually`'s `onSlow`). */
export const SLOW_MS = 15_000;

export class ChaosApi {
  private turn = 0;
  /** Calls retried because a fault got in the way (a figure of the report). */
  retries = 0;
  /** Told of every call that took longer than `SLOW_MS` to get its answer, so a run's log shows where time went. */
  onSlow: (line: string) => void = () => undefined;

  constructor(
    private readonly gateways: readonly string[],
    private readonly patienceMs = 240_000,
  ) {}

  /** The gateways take turns (two replicas: both are driven). */
  private base(): string {
    this.turn = (this.turn + 1) % this.gateways.length;
    return this.gateways[this.turn];
  }

  private async once(token: string | undefined, method: string, path: string, body: unknown, key?: string) {
    try {
      const response = await fetch(`${this.base()}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON (a proxy's error page): kept as text
      }
      return { status: response.status, body: parsed };
    } catch {
      return { status: 0, body: null };
    }
  }

  async login(actor: Actor): Promise<void> {
    const answer = await this.send(undefined, 'POST', '/api/auth/login', {
      email: actor.email,
      password: actor.password,
    });
    if (answer.status !== 200 && answer.status !== 201) {
      throw new Error(`login of ${actor.email}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    actor.token = (answer.body as { accessToken: string }).accessToken;
  }

  /**
   * Sends until a definite answer (2xx or 4xx), for at most the patience: through dead gateways, 502s of a
   * killed service, a database restart. A POST carries one Idempotency-Key for all its tries, so a create retried
   * after a lost answer gets the first answer back (a key still "running" answers 409: wait and try again).
   */
  async send(actor: Actor | undefined, method: string, path: string, body?: unknown): Promise<Answer> {
    const key = method === 'POST' && actor ? randomUUID() : undefined;
    const started = Date.now();
    const deadline = started + this.patienceMs;
    const slow = (status: number, tries: number) => {
      const seconds = (Date.now() - started) / 1000;
      if (seconds * 1000 >= SLOW_MS)
        this.onSlow(`${method} ${path}: ${seconds.toFixed(1)} s, ${tries} tries, last ${status}`);
    };
    let uncertain = false;
    // Log-ins are counted apart from the tries: a call retried through a restart's 502s can meet its token's expiry
    // (access tokens live 10 minutes) after any number of tries, and must still log in again.
    let logins = 0;
    for (let attempt = 0; ; attempt++) {
      if (actor && !actor.token) await this.login(actor);
      const answer = await this.once(actor?.token, method, path, body, key);
      const inProgress =
        answer.status === 409 && (answer.body as { code?: string } | null)?.code === 'idempotency_in_progress';
      if (answer.status === 401 && actor && logins < 5) {
        logins++;
        actor.token = undefined;
        continue;
      }
      if (!isUncertain(answer.status) && !inProgress) {
        slow(answer.status, attempt + 1);
        return { status: answer.status, body: answer.body, uncertain };
      }
      uncertain = uncertain || isUncertain(answer.status);
      if (Date.now() > deadline) {
        slow(answer.status, attempt + 1);
        throw new Error(`${method} ${path}: no answer within ${this.patienceMs / 1000} s (last ${answer.status})`);
      }
      this.retries++;
      await new Promise((r) => setTimeout(r, Math.min(2000, 200 * 2 ** Math.min(attempt, 4))));
    }
  }

  /** Sends and wants a 2xx; anything else throws with the server's answer. */
  async call(actor: Actor, method: string, path: string, body?: unknown): Promise<Answer['body']> {
    const answer = await this.send(actor, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as unknown;
  }

  /**
   * A step that is not a create (submit, approve, assign…): sent once per definite answer; when it is refused
   * after a try whose answer was lost, `done` says whether that try had been applied after all.
   */
  async step(actor: Actor, method: string, path: string, body: unknown, done: () => Promise<boolean>) {
    const answer = await this.send(actor, method, path, body);
    if (answer.status < 300) return answer.body as unknown;
    if (answer.uncertain && (await done())) return null;
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Polls until `probe` answers something truthy; a wait of `SLOW_MS` or more is told to `onSlow`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  { ms = 240_000, onSlow }: { ms?: number; onSlow?: (line: string) => void } = {},
) {
  const started = Date.now();
  const deadline = started + ms;
  for (;;) {
    const value = await probe();
    const waited = Date.now() - started;
    if (value) {
      if (waited >= SLOW_MS) onSlow?.(`waited ${(waited / 1000).toFixed(1)} s for ${what}`);
      return value;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
