import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
  warmupMs?: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/**
 * A closed-loop keep-alive load generator: `connections` clients on one node:http Agent (keepAlive, one socket
 * each), each sending the next request as soon as the previous answer's body has arrived. Answers before
 * `warmupMs` are not counted; latencies are milliseconds from send to the body's last byte.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const target = new URL(options.url);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + (options.warmupMs ?? 1000);
  const end = measureFrom + options.durationMs;

  const once = () =>
    new Promise<boolean>((resolve) => {
      const sent = performance.now();
      const req = request(
        {
          agent,
          hostname: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          headers: options.headers,
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            const done = performance.now();
            if (sent >= measureFrom && done <= end) {
              if (res.statusCode === 200) latencies.push(done - sent);
              else errors++;
            }
            resolve(true);
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve(false);
      });
      req.end();
    });

  const client = async () => {
    while (performance.now() < end) await once();
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: (latencies.length / options.durationMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
