import { ApprovalJob } from './jobs/approval.jobs';
import { ContractJob } from './jobs/contract.jobs';
import { FunnelJob } from './jobs/funnel.jobs';
import { IdentityJob } from './jobs/identity.jobs';
import { SystemJob } from './jobs/system.jobs';
import { ALL_JOB_NAMES, JobName } from './job-name';
import { JOB_PAYLOAD_CLASSES } from './payloads';

describe('job names', () => {
  const areas = [SystemJob, IdentityJob, FunnelJob, ApprovalJob, ContractJob];

  it('takes no key twice across the areas (a later area would silently replace an earlier one)', () => {
    const keys = areas.flatMap((area) => Object.keys(area));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(JobName)).toHaveLength(keys.length);
  });

  it('takes no value twice: each name on the wire means one job', () => {
    expect(new Set(ALL_JOB_NAMES).size).toBe(ALL_JOB_NAMES.length);
    expect(ALL_JOB_NAMES).toHaveLength(areas.reduce((n, area) => n + Object.keys(area).length, 0));
  });

  it('gives every job a payload class and no class to a name that is not a job', () => {
    expect(Object.keys(JOB_PAYLOAD_CLASSES).sort()).toEqual([...ALL_JOB_NAMES].sort());
  });
});
