import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

/** Someone the bench acts as: logged in once (the run's access tokens outlive it). */
export interface BenchUser {
  id: string;
  email: string;
  token: string;
}

/**
 * The public API through the gateway, as the console calls it: JSON, a bearer token, an `Idempotency-Key` on every
 * POST. One keep-alive node:http agent, so the bench opens a socket per call in flight, not per call.
 */
export class ApiClient {
  private readonly agent: Agent;
  private readonly target: URL;

  constructor(gatewayUrl: string, sockets: number) {
    this.target = new URL(gatewayUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  /** Sends once and wants a 2xx; anything else throws with the server's answer. */
  call<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
      ...(method === 'POST' && token ? { 'idempotency-key': randomUUID() } : {}),
    };
    return new Promise<T>((resolve, reject) => {
      const req = request(
        { agent: this.agent, hostname: this.target.hostname, port: this.target.port, method, path, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 0) >= 300) {
              reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
              return;
            }
            resolve((text ? JSON.parse(text) : null) as T);
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.call<{ accessToken: string }>(null, 'POST', '/api/auth/login', { email, password })).accessToken;
  }

  close(): void {
    this.agent.destroy();
  }
}
