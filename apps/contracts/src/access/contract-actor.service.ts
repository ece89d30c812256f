import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { DirectoryService } from '@dealgate/chassis';
import { AccessViewer, Role, TaskActor, TaskAssignee, TaskGroup, groupsForRoles } from '@dealgate/domain';
import { unitsHeadedBy } from './unit-heads';

/** Who acts in the contracts service: token claims plus group memberships and leads from the directory copy. */
export type ContractActor = AccessViewer & TaskActor;

const TASK_GROUPS = new Set<string>(Object.values(TaskGroup));
const asGroups = (values: readonly string[]): TaskGroup[] => values.filter((v): v is TaskGroup => TASK_GROUPS.has(v));

/** A user's task groups: those their roles give, plus their directory memberships. */
export function mergeGroups(roles: readonly Role[], directoryGroups: readonly string[]): TaskGroup[] {
  return [...new Set([...groupsForRoles(roles), ...asGroups(directoryGroups)])];
}

@Injectable()
export class ContractActorService {
  constructor(
    private readonly directory: DirectoryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async actorFor(principal: Principal, manager?: EntityManager): Promise<ContractActor> {
    const db = manager ?? this.dataSource.manager;
    const user = await this.directory.user(principal.userId, manager);
    const headOfUnits = await unitsHeadedBy(db, principal.userId);
    // The directory copy is fresher than a token: a demoted or deactivated user keeps no role here. A user not
    // copied yet (identity events in flight) is taken at their token's word.
    const roles = user ? (user.active ? user.roles : []) : principal.roles;
    return {
      userId: principal.userId,
      roles,
      groups: mergeGroups(roles, user?.active ? user.groups : []),
      leadOf: user?.active ? asGroups(user.leadOf) : [],
      headOfUnits,
    };
  }

  /** The person a lead hands a task to; unknown or inactive users belong to no group. */
  async assignee(userId: string, manager?: EntityManager): Promise<TaskAssignee> {
    const user = await this.directory.user(userId, manager);
    if (!user?.active) return { userId, roles: [], groups: [] };
    return { userId, roles: user.roles, groups: mergeGroups(user.roles, user.groups) };
  }
}
