import express from 'express';
import { AddressInfo } from 'node:net';
import { Agent, Server, createServer, request } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mountServiceProxies } from './proxy';

function listening(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

function get(
  port: number,
  path: string,
  agent: Agent,
): Promise<{ status: number; connection?: string; reused: boolean }> {
  return new Promise((done, fail) => {
    const call = request({ host: '127.0.0.1', port, path, agent }, (response) => {
      response.resume();
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, connection: response.headers.connection, reused: call.reusedSocket }),
      );
    });
    call.on('error', fail);
    call.end();
  });
}

// The gateway's proxy keeps its connections to the services, so its clients can keep theirs.
describe('gateway proxy connections', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('reuses one connection to the service for many requests, and never tells the client to close', async () => {
    let upstreamConnections = 0;
    const service = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    service.on('connection', () => (upstreamConnections += 1));
    servers.push(service);
    const servicePort = await listening(service);
    const url = `http://127.0.0.1:${servicePort}`;
    const app = express();
    mountServiceProxies(app as unknown as NestExpressApplication, {
      prospects: url,
      approvals: url,
      contracts: url,
      notifications: url,
    });
    const gateway = createServer(app);
    servers.push(gateway);
    const gatewayPort = await listening(gateway);

    const client = new Agent({ keepAlive: true, maxSockets: 1 });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await get(gatewayPort, '/api/prospects?limit=1', client));
    client.destroy();

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.every((a) => a.connection !== 'close')).toBe(true);
    expect(answers.slice(1).every((a) => a.reused)).toBe(true);
    expect(upstreamConnections).toBe(1);
  });
});
