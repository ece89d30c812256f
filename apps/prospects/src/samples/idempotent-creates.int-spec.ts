import { randomUUID } from 'node:crypto';
import { expectMatchesContract, tokenFor } from '@dealgate/testing';
import { ProspectsHarness, startProspects } from '../../test/prospects-harness';

// A client that retries a create after a lost response must not create a second row (Idempotency-Key).
describe('idempotent creates (Idempotency-Key) over HTTP', () => {
  let h: ProspectsHarness;
  let lineId: string;

  beforeAll(async () => {
    h = await startProspects();
    lineId = (await h.call('owner', 'GET', '/product-lines?limit=10')).body.items[0].id;
  });

  afterAll(async () => {
    await h?.stop();
  });

  async function post(who: keyof ProspectsHarness['people'], body: unknown, key?: string) {
    const response = await fetch(`${h.url}/api/samples`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenFor(h.people[who])}`,
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
    const parsed = await response.json();
    expectMatchesContract('POST', '/api/samples', response.status, parsed, response.headers.get('content-type'));
    return { status: response.status, body: parsed, replayed: response.headers.get('idempotent-replayed') };
  }
  const samplesTitled = async (title: string) =>
    Number(
      (
        await h.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM target_sample WHERE title = $1', [title])
      )[0].n,
    );
  const sample = (title: string) => ({ productLineId: lineId, title, rationale: 'Chains with 10+ shops' });

  it('answers a retried create with the first response and creates nothing twice', async () => {
    const key = randomUUID();
    const first = await post('headA', sample('Retail A'), key);
    const again = await post('headA', sample('Retail A'), key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, replayed: 'true' });
    expect(again.body).toEqual(first.body);
    expect(await samplesTitled('Retail A')).toBe(1);
    // Without a key every request is its own.
    await post('headA', sample('Retail A'));
    expect(await samplesTitled('Retail A')).toBe(2);
  });

  it('refuses the same key with another body, and creates nothing', async () => {
    const key = randomUUID();
    await post('headA', sample('Retail B'), key);
    const other = await post('headA', sample('Retail B2'), key);
    expect(other).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
    expect(await samplesTitled('Retail B2')).toBe(0);
  });

  it('frees the key of a refused request, and keeps keys per caller', async () => {
    const key = randomUUID();
    const refused = await post('headA', { ...sample('Retail C'), rationale: '   ' }, key);
    expect(refused.status).toBe(422);
    const fixed = await post('headA', sample('Retail C'), key);
    expect(fixed.status).toBe(201);
    expect(fixed.replayed).toBeNull();
    const otherCaller = await post('headB', sample('Retail C'), key);
    expect(otherCaller.status).toBe(201);
    expect(otherCaller.body.id).not.toBe(fixed.body.id);
  });

  it('lets exactly one of two simultaneous requests with one key create', async () => {
    const key = randomUUID();
    const answers = await Promise.all([post('headA', sample('Retail D'), key), post('headA', sample('Retail D'), key)]);
    expect(await samplesTitled('Retail D')).toBe(1);
    for (const answer of answers) {
      if (answer.status === 409) expect(answer.body.code).toBe('idempotency_in_progress');
      else expect(answer.status).toBe(201);
    }
  });

  it('names the header when the key is not a usable one', async () => {
    const refused = await post('headA', sample('Retail E'), 'x'.repeat(201));
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await samplesTitled('Retail E')).toBe(0);
  });

  // The chaos suite found a contact and a meeting created twice: the create committed, the process died before its
  // answer was kept, and a minute later the key counted as lost and a retry created again.
  it('never runs again a create that committed but whose answer was lost, and says so (409)', async () => {
    const key = randomUUID();
    const first = await post('headA', sample('Retail F'), key);
    expect(first.status).toBe(201);
    const [stamped] = await h.dataSource.query<{ committed: boolean }[]>(
      'SELECT committed_at IS NOT NULL AS committed FROM idempotency_key WHERE key = $1',
      [key],
    );
    expect(stamped.committed).toBe(true);
    // As if the service died between the commit and keeping the answer, two minutes ago.
    await h.dataSource.query(
      `UPDATE idempotency_key SET status = NULL, body = NULL, created_at = now() - interval '2 minutes' WHERE key = $1`,
      [key],
    );
    const retried = await post('headA', sample('Retail F'), key);
    expect(retried).toMatchObject({ status: 409, body: { code: 'idempotency_answer_lost' } });
    expect(await samplesTitled('Retail F')).toBe(1);
  });

  it('frees a key whose request died before committing anything, a minute on', async () => {
    const key = randomUUID();
    await h.dataSource.query(
      `INSERT INTO idempotency_key (principal, key, fingerprint, created_at)
       VALUES ($1, $2, 'unknown', now() - interval '2 minutes')`,
      [h.people.headA.userId, key],
    );
    const retried = await post('headA', sample('Retail G'), key);
    expect(retried.status).toBe(201);
    expect(await samplesTitled('Retail G')).toBe(1);
  });
});
