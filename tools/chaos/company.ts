/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import { createServer, Server } from 'node:http';
import { Actor, ChaosApi, eventually } from './api';
import { ChaosDatabase } from './stores';

// The small company the deals run in: a unit with its head, an owner, a salesperson, a lawyer and an accountant,
// and a webhook subscribed to every event, delivered to a receiver of the chaos run.

export const CHAOS_ADMIN = { email: 'chaos.admin@example.test', password: 'Granite-Lantern-4821' };
const PASSWORD = 'Meadow-Compass-7305';
const SERVICE_SCHEMAS = ['prospects', 'approvals', 'contracts', 'notifications'];
const WEBHOOK_EVENTS = [
  'prospect.stage_changed',
  'offer.defended',
  'approval.step_opened',
  'approval.decided',
  'contract.opened',
  'task.assigned',
];

export interface Company {
  admin: Actor;
  owner: Actor;
  head: Actor;
  seller: Actor;
  lawyer: Actor;
  accountant: Actor;
  productLineId: string;
  webhookId: string;
}

/** Counts what reaches the webhook URL, by `X-Dealgate-Delivery` (a delivery may arrive more than once). */
export class WebhookReceiver {
  readonly received = new Map<string, number>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const delivery = String(request.headers['x-dealgate-delivery'] ?? '');
      request.resume();
      request.on('end', () => {
        if (delivery) this.received.set(delivery, (this.received.get(delivery) ?? 0) + 1);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}/dealgate`;
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done));
  }
}

export async function setUpCompany(api: ChaosApi, db: ChaosDatabase, webhookUrl: string): Promise<Company> {
  const admin: Actor = { name: 'Admin', ...CHAOS_ADMIN, id: '' };
  const unit = await api.call(admin, 'POST', '/api/units', { name: 'Chaos North' });
  const person = async (key: string, name: string, roles: string[], unitId?: string): Promise<Actor> => {
    const email = `${key}@example.test`;
    const created = await api.call(admin, 'POST', '/api/users', {
      email,
      name,
      password: PASSWORD,
      roles,
      ...(unitId ? { unitId } : {}),
    });
    return { name, email, password: PASSWORD, id: created.id as string };
  };
  const head = await person('hanna.head', 'Hanna Head', ['sales_head'], unit.id);
  await api.call(admin, 'PATCH', `/api/units/${unit.id}`, { version: unit.version, headUserId: head.id });
  const owner = await person('olga.owner', 'Olga Owner', ['owner']);
  const seller = await person('sam.seller', 'Sam Seller', ['salesperson'], unit.id);
  const lawyer = await person('lena.legal', 'Lena Legal', ['legal']);
  const accountant = await person('arno.accounting', 'Arno Accounting', ['accounting']);
  const everyone = [head, owner, seller, lawyer, accountant].map((p) => p.id);
  for (const schema of SERVICE_SCHEMAS) {
    await eventually(`the directory copy of ${schema}`, async () => {
      const users = await db.query(`SELECT 1 FROM "${schema}".directory_user WHERE user_id = ANY($1)`, [everyone]);
      const heads = await db.query(`SELECT 1 FROM "${schema}".directory_unit WHERE head_user_id = $1`, [head.id]);
      return users.length === everyone.length && heads.length === 1;
    });
  }
  const webhook = await api.call(admin, 'POST', '/api/webhooks', {
    url: webhookUrl,
    eventTypes: WEBHOOK_EVENTS,
    secret: 'chaos-webhook-secret-0123456789abcdef',
    description: 'chaos run receiver',
  });
  const lines = await api.call(head, 'GET', '/api/product-lines');
  const line = lines.items.find((l: any) => l.code === 'software') ?? lines.items[0];
  return { admin, owner, head, seller, lawyer, accountant, productLineId: line.id, webhookId: webhook.id };
}
