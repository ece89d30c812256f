import { JobName, ServiceName } from '@dealgate/messages';
import { MalformedJobError, assertHandlersMatchRoutes, parseJob } from './job-dispatcher';

const valid = {
  messageId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  name: JobName.SystemPing,
  payload: { pingId: '6f1c1c9e-3b8e-4d0a-9a43-2b8f0c2a8a11', sentAt: '2026-11-27T01:00:00.000Z' },
  correlationId: 'abc',
  source: ServiceName.Gateway,
  occurredAt: '2026-11-27T01:00:00.000Z',
};

describe('parseJob', () => {
  it('accepts a well-formed envelope', () => {
    expect(parseJob(valid).payload).toEqual(valid.payload);
  });

  it.each([
    ['not an object', 'x', 'job data is not an object'],
    ['an unknown job name', { ...valid, name: 'nope' }, 'name'],
    ['a bad message id', { ...valid, messageId: '12' }, 'messageId'],
    ['a payload missing a field', { ...valid, payload: { sentAt: valid.payload.sentAt } }, 'payload.pingId'],
    ['a payload field of the wrong type', { ...valid, payload: { ...valid.payload, sentAt: 42 } }, 'payload.sentAt'],
  ])('refuses %s, naming the problem', (_what, data, expected) => {
    expect(() => parseJob(data)).toThrow(MalformedJobError);
    expect(() => parseJob(data)).toThrow(expected);
  });
});

describe('assertHandlersMatchRoutes', () => {
  it('accepts exactly the routed jobs', () => {
    expect(() => assertHandlersMatchRoutes(ServiceName.Gateway, [JobName.SystemPing])).not.toThrow();
  });

  it('refuses a missing and an unrouted handler', () => {
    expect(() => assertHandlersMatchRoutes(ServiceName.Gateway, [])).toThrow('missing: system.ping');
    expect(() => assertHandlersMatchRoutes(ServiceName.Gateway, [JobName.SystemPing, JobName.ContractSigned])).toThrow(
      'not routed here: contract.signed',
    );
  });
});
