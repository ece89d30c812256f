import { Injectable, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { JobEnvelope, JobName, JobPayloads } from '@dealgate/messages';

export interface JobContext {
  /** The transaction that also records the inbox row: write the handler's effect with it. */
  manager: EntityManager;
  envelope: JobEnvelope;
}

/** One handler per consumed job name; its effect commits with the inbox row, so a redelivery is a no-op. */
export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
}

/** The handlers of a service by the job name each handles. */
export type JobHandlers = ReadonlyMap<JobName, JobHandler>;

const HandlesJobMark = DiscoveryService.createDecorator<JobName>();

/**
 * The one registration of a job handler: the class is a provider of the module that owns its dependencies, and
 * the messaging runtime finds it there at boot by this mark (then checks it against the service's consumes list).
 * The payload type of `handle` must be the named job's.
 */
export function HandlesJob<N extends JobName>(jobName: N) {
  return <T extends Type<JobHandler<N>>>(target: T): void => {
    Injectable()(target);
    HandlesJobMark(jobName)(target);
  };
}

const nameOf = (cls: unknown) => (typeof cls === 'function' ? cls.name : String(cls));

/**
 * Every marked handler among the application's providers, by job name; throws when two classes claim the same
 * name (the dispatcher could run only one of them).
 */
export function discoverJobHandlers(discovery: DiscoveryService): JobHandlers {
  const found = new Map<JobName, JobHandler>();
  const owners = new Map<JobName, unknown>();
  for (const wrapper of discovery.getProviders({ metadataKey: HandlesJobMark.KEY })) {
    const jobName = discovery.getMetadataByDecorator(HandlesJobMark, wrapper);
    if (!jobName || !wrapper.instance) continue;
    // The same class provided by two modules is still one handler.
    const owner = owners.get(jobName);
    if (owner !== undefined && owner !== wrapper.metatype) {
      throw new Error(`Two handlers for ${jobName}: ${nameOf(owner)} and ${nameOf(wrapper.metatype)}`);
    }
    owners.set(jobName, wrapper.metatype);
    found.set(jobName, wrapper.instance as JobHandler);
  }
  return found;
}
