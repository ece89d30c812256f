import { ALL_JOB_NAMES, JobName } from './job-name';
import { JOB_PAYLOAD_CLASSES } from './payloads';
import { ROUTES, consumersOf, jobsConsumedBy } from './routing';
import { ALL_SERVICES, ServiceName, queueNameOf } from './service-name';

describe('wire contract', () => {
  it.each(ALL_JOB_NAMES)('%s has a payload class and at least one consumer', (name) => {
    expect(JOB_PAYLOAD_CLASSES[name]).toBeDefined();
    expect(ROUTES[name].length).toBeGreaterThan(0);
  });

  it('routes the ping to every service', () => {
    expect([...consumersOf(JobName.SystemPing)].sort()).toEqual([...ALL_SERVICES].sort());
    for (const service of ALL_SERVICES) expect(jobsConsumedBy(service)).toContain(JobName.SystemPing);
  });

  it('names queues without the BullMQ key separator', () => {
    for (const service of ALL_SERVICES) expect(queueNameOf(service)).not.toContain(':');
    expect(queueNameOf(ServiceName.Prospects)).toBe('dealgate-prospects');
  });
});
