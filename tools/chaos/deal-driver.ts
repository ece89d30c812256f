/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import { REQUIRED_BRIEF_SECTIONS } from '@dealgate/domain';
import { Actor, ChaosApi, eventually as poll } from './api';
import { Company } from './company';
import { ChaosService } from './system';

// One deal walked through the public API by its results, as the people of the company would: the head builds a
// sample of one company, the owner approves it, the salesperson meets the decision-maker, completes the brief,
// submits an offer, the head approves it, the salesperson defends it, and the contract case opens. Every step
// survives a fault in the middle: creates carry an Idempotency-Key, other steps check whether a lost try landed.

const HOUR_MS = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR_MS).toISOString();

const OFFER_TERMS = {
  paymentDays: 30,
  delivery: { text: 'Go-live in six weeks', days: 42 },
  discountPercent: 5,
  validUntil: '2027-03-31',
  clauses: ['sla-99.5'],
};
const ITEM = { productId: 'portal', description: 'Ordering portal', quantity: 1, unitPriceMinor: 4_500_000 };

export interface DealRecord {
  index: number;
  sampleId?: string;
  prospectId?: string;
  offerId?: string;
  contractCaseId?: string;
  /** Where it stopped, when it did not reach the contract case. */
  error?: string;
}

/** Told after each write that answered, naming the service that applied it (for the kills "right after a write"). */
export type AfterWrite = (service: ChaosService) => Promise<void>;

export class DealDriver {
  constructor(
    private readonly api: ChaosApi,
    private readonly company: Company,
    private readonly afterWrite: AfterWrite,
    private readonly runId: string,
    /** Told of slow waits (a line of the run's log). */
    private readonly onSlow: (line: string) => void = () => undefined,
  ) {}

  private eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
    return poll(what, probe, { onSlow: this.onSlow });
  }

  /**
   * A create. When a try was applied but the service died before keeping its answer, the retry is refused with 409
   * `idempotency_answer_lost` (never a second row): `find` then reads what that try created.
   */
  private async write(
    actor: Actor,
    service: ChaosService,
    path: string,
    body: unknown,
    find: () => Promise<any>,
  ): Promise<any> {
    const answer = await this.api.send(actor, 'POST', path, body);
    const lost = answer.status === 409 && (answer.body as { code?: string } | null)?.code === 'idempotency_answer_lost';
    if (answer.status >= 300 && !lost) {
      throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    const created = lost ? await this.eventually(`what the lost answer of POST ${path} created`, find) : answer.body;
    if (lost) this.answersLost++;
    await this.afterWrite(service);
    return created;
  }

  /** Creates whose answer was lost after they were applied (each read back instead of created again). */
  answersLost = 0;

  private async step(actor: Actor, service: ChaosService, path: string, body: unknown, done: () => Promise<boolean>) {
    const answer = await this.api.step(actor, 'POST', path, body, done);
    await this.afterWrite(service);
    return answer;
  }

  /** A read of a prospect's or an offer's children (contacts, meetings, offers, defences): a plain array. */
  private async list(actor: Actor, path: string): Promise<any[]> {
    return (await this.api.call(actor, 'GET', path)) as any[];
  }

  /** Approves, as `who`, the pending request about `subjectId` (each of its steps `who` may decide). */
  private async approve(who: Actor, subjectId: string): Promise<void> {
    const item = await this.eventually(`a pending approval of ${subjectId}`, async () => {
      const page = await this.api.call(who, 'GET', '/api/approvals/pending?limit=100');
      return page.items.find((i: any) => i.subjectId === subjectId);
    });
    const detail = await this.api.call(who, 'GET', `/api/approvals/${item.id}`);
    const stepIndex = detail.currentStepIndex as number;
    await this.step(who, 'approvals', `/api/approvals/${item.id}/approve`, { stepIndex }, async () => {
      const now = await this.api.call(who, 'GET', `/api/approvals/${item.id}`);
      return now.status !== 'pending' || now.currentStepIndex > stepIndex;
    });
  }

  private prospect(id: string) {
    return this.api.call(this.company.head, 'GET', `/api/prospects/${id}`);
  }

  async walk(record: DealRecord): Promise<void> {
    const { head, owner, seller, lawyer } = this.company;
    const company = `Chaos ${this.runId} deal ${record.index}`;
    const title = `Distributors ${this.runId} #${record.index}`;
    const sample = await this.write(
      head,
      'prospects',
      '/api/samples',
      { productLineId: this.company.productLineId, title, rationale: 'Mid-size distributors still ordering by phone' },
      async () =>
        (await this.api.call(head, 'GET', '/api/samples?limit=100')).items.find((x: any) => x.title === title),
    );
    record.sampleId = sample.id;
    const added = await this.write(
      head,
      'prospects',
      `/api/samples/${sample.id}/companies`,
      { companies: [{ name: company }] },
      async () => {
        const now = await this.api.call(head, 'GET', `/api/samples/${sample.id}`);
        return (now.companies as any[]).some((c) => c.name === company) ? { sample: now } : null;
      },
    );
    await this.step(
      head,
      'prospects',
      `/api/samples/${sample.id}/submit`,
      { version: added.sample.version },
      async () => {
        return (await this.api.call(head, 'GET', `/api/samples/${sample.id}`)).status !== 'draft';
      },
    );
    await this.approve(owner, sample.id);
    const [prospect] = await this.eventually('the prospect of the approved sample', async () => {
      const page = await this.api.call(owner, 'GET', `/api/prospects?sampleId=${sample.id}&limit=10`);
      return page.items.length === 1 ? page.items : null;
    });
    record.prospectId = prospect.id;
    if (prospect.ownerId !== seller.id) {
      const body = { version: prospect.version, ownerId: seller.id };
      await this.step(head, 'prospects', `/api/prospects/${prospect.id}/assign`, body, async () => {
        return (await this.prospect(prospect.id)).ownerId === seller.id;
      });
    }
    await this.brief(seller, prospect.id);
    const brief = await this.api.call(seller, 'GET', `/api/prospects/${prospect.id}/brief`);
    const offer = await this.write(
      seller,
      'prospects',
      `/api/prospects/${prospect.id}/offers`,
      { ...OFFER_TERMS, items: [{ ...ITEM, currency: 'EUR', needIds: [brief.needs[0].id] }] },
      async () => (await this.list(seller, `/api/prospects/${prospect.id}/offers`))[0] ?? null,
    );
    record.offerId = offer.id;
    const offerStatus = async () => (await this.api.call(seller, 'GET', `/api/offers/${offer.id}`)).status;
    await this.step(seller, 'prospects', `/api/offers/${offer.id}/submit`, { version: offer.version }, async () => {
      return (await offerStatus()) !== 'draft';
    });
    await this.approve(head, offer.id);
    await this.eventually('the prospect at offer_defence', async () => {
      return (await this.prospect(prospect.id)).stage === 'offer_defence';
    });
    const contactId = (await this.list(seller, `/api/prospects/${prospect.id}/contacts`))[0].id;
    await this.write(
      seller,
      'prospects',
      `/api/offers/${offer.id}/defences`,
      { heldAt: ago(1), attendeeContactIds: [contactId], outcome: 'accepted', channel: 'video' },
      async () => (await this.list(seller, `/api/offers/${offer.id}/defences`))[0] ?? null,
    );
    const contractCase = await this.eventually('the contract case of the defended offer', async () => {
      const page = await this.api.call(lawyer, 'GET', `/api/contracts?prospectId=${prospect.id}`);
      return page.items[0] ?? null;
    });
    record.contractCaseId = contractCase.id;
  }

  /** The decision-maker met, the brief complete with two needs. */
  private async brief(seller: Actor, prospectId: string): Promise<void> {
    const listOf = (what: string) => this.list(seller, `/api/prospects/${prospectId}/${what}`);
    const contact = await this.write(
      seller,
      'prospects',
      `/api/prospects/${prospectId}/contacts`,
      { name: 'Dana Moss', position: 'COO', isDecisionMaker: true, decisionReason: 'Signs supply contracts' },
      async () => (await listOf('contacts')).find((c) => c.name === 'Dana Moss') ?? null,
    );
    const meeting = await this.write(
      seller,
      'prospects',
      `/api/prospects/${prospectId}/meetings`,
      { contactId: contact.id, scheduledAt: ago(50) },
      async () => (await listOf('meetings')).find((m) => m.contactId === contact.id) ?? null,
    );
    await this.step(
      seller,
      'prospects',
      `/api/prospects/${prospectId}/meetings/${meeting.id}/held`,
      { heldAt: ago(49) },
      async () => {
        const meetings = await this.api.call(seller, 'GET', `/api/prospects/${prospectId}/meetings`);
        return (meetings as any[]).some((m) => m.id === meeting.id && m.status !== 'scheduled');
      },
    );
    const brief = await this.api.call(seller, 'PUT', `/api/prospects/${prospectId}/brief`, {
      sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
      needs: [{ text: 'Order online instead of by phone' }, { text: 'See stock levels before ordering' }],
    });
    await this.afterWrite('prospects');
    const body = { version: brief.version };
    await this.step(seller, 'prospects', `/api/prospects/${prospectId}/brief/complete`, body, async () => {
      return Boolean((await this.api.call(seller, 'GET', `/api/prospects/${prospectId}/brief`)).completedAt);
    });
  }
}
