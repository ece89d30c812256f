import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ContractSignedPayload, JobName, SystemPingPayload } from '@dealgate/messages';
import { HandlesJob, JobHandler, discoverJobHandlers } from './job-handler';

@Injectable()
class Ledger {
  readonly seen: string[] = [];
}

@HandlesJob(JobName.SystemPing)
class PingHandler implements JobHandler<typeof JobName.SystemPing> {
  constructor(private readonly ledger: Ledger) {}
  handle(payload: SystemPingPayload): Promise<void> {
    this.ledger.seen.push(payload.pingId);
    return Promise.resolve();
  }
}

@HandlesJob(JobName.ContractSigned)
class SignedHandler implements JobHandler<typeof JobName.ContractSigned> {
  async handle(_payload: ContractSignedPayload): Promise<void> {}
}

@HandlesJob(JobName.SystemPing)
class SecondPingHandler implements JobHandler<typeof JobName.SystemPing> {
  async handle(): Promise<void> {}
}

@Module({ providers: [Ledger, PingHandler], exports: [Ledger] })
class FeatureModule {}

async function handlersOf(...imports: (typeof FeatureModule)[]) {
  const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule, ...imports] }).compile();
  return discoverJobHandlers(moduleRef.get(DiscoveryService));
}

describe('@HandlesJob discovery', () => {
  it('finds each marked provider of any module by its job name, with its dependencies injected', async () => {
    @Module({ providers: [SignedHandler] })
    class OtherModule {}
    const handlers = await handlersOf(FeatureModule, OtherModule);

    expect([...handlers.keys()].sort()).toEqual([JobName.ContractSigned, JobName.SystemPing]);
    expect(handlers.get(JobName.ContractSigned)).toBeInstanceOf(SignedHandler);
    await handlers.get(JobName.SystemPing)!.handle({ pingId: 'p1' } as never, {} as never);
    const moduleLedger = (handlers.get(JobName.SystemPing) as unknown as { ledger: Ledger }).ledger;
    expect(moduleLedger.seen).toEqual(['p1']);
  });

  it('does not find a marked class that no module provides', async () => {
    const handlers = await handlersOf(FeatureModule);
    expect([...handlers.keys()]).toEqual([JobName.SystemPing]);
  });

  it('refuses two classes that claim one job name', async () => {
    @Module({ providers: [SecondPingHandler] })
    class RivalModule {}
    await expect(handlersOf(FeatureModule, RivalModule)).rejects.toThrow(
      'Two handlers for system.ping: PingHandler and SecondPingHandler',
    );
  });
});
