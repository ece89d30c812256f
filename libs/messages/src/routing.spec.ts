import { ALL_JOB_NAMES, JobName } from './job-name';
import { JOB_PAYLOAD_CLASSES } from './payloads';
import { CONSUMES, ROUTES, consumersOf, jobsConsumedBy } from './routing';
import { ALL_SERVICES, ServiceName, queueNameOf } from './service-name';

describe('wire contract', () => {
  it.each(ALL_JOB_NAMES)('%s has a payload class', (name) => {
    expect(typeof JOB_PAYLOAD_CLASSES[name]).toBe('function');
  });

  it('job names are unique', () => {
    expect(new Set(ALL_JOB_NAMES).size).toBe(ALL_JOB_NAMES.length);
  });

  it('routes the ping to every service', () => {
    expect([...consumersOf(JobName.SystemPing)].sort()).toEqual([...ALL_SERVICES].sort());
    for (const service of ALL_SERVICES) expect(jobsConsumedBy(service)).toContain(JobName.SystemPing);
  });

  it('derives routes from what each service declares it consumes', () => {
    for (const service of ALL_SERVICES) {
      for (const name of CONSUMES[service]) expect(ROUTES[name]).toContain(service);
    }
    for (const name of ALL_JOB_NAMES) {
      for (const service of ROUTES[name]) expect(CONSUMES[service]).toContain(name);
    }
  });

  it('names queues without the BullMQ key separator', () => {
    for (const service of ALL_SERVICES) expect(queueNameOf(service)).not.toContain(':');
    expect(queueNameOf(ServiceName.Prospects)).toBe('dealgate-prospects');
  });
});
