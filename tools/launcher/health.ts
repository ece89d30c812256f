import { createServer, Server } from 'node:http';
import type { ServiceState } from './supervisor';

export interface LauncherHealth {
  status: 'ok' | 'degraded';
  /** Services not running now (dead, waiting for their restart, or stopped). */
  down: string[];
  crashLooping: string[];
  services: Record<string, ServiceState>;
}

/** The launcher's own view: ok only while every service it started runs and none is crash-looping. */
export function launcherHealth(services: Record<string, ServiceState>): LauncherHealth {
  const entries = Object.entries(services);
  const down = entries.filter(([, s]) => s.state !== 'running').map(([name]) => name);
  const crashLooping = entries.filter(([, s]) => s.crashLooping).map(([name]) => name);
  return { status: down.length === 0 && crashLooping.length === 0 ? 'ok' : 'degraded', down, crashLooping, services };
}

/**
 * `GET /health` on 127.0.0.1 only (the supervisor's state is for the operator, not the public): 200 when ok, 503 when
 * degraded, with each service's state, restarts and last error. A port already taken is said and skipped: the
 * launcher itself keeps running.
 */
export function serveLauncherHealth(
  port: number,
  read: () => Record<string, ServiceState>,
  log: (line: string) => void,
): Server {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not found"}');
      return;
    }
    const health = launcherHealth(read());
    response
      .writeHead(health.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      })
      .end(JSON.stringify(health));
  });
  server.on('error', (error) => log(`launcher health not served on port ${port}: ${error.message}`));
  server.listen(port, '127.0.0.1');
  // The health server alone never keeps the launcher alive (the services and their pending restarts do).
  server.unref();
  return server;
}
