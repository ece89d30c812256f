import { Inject, Injectable, Logger } from '@nestjs/common';
import { CHASSIS_OPTIONS, ChassisOptions, DirectoryService, DirectoryUser } from '@dealgate/chassis';
import { ALL_ROLES, TaskGroup, groupsForRoles, mayReceiveTask } from '@dealgate/domain';
import { openPersonalData } from '@dealgate/messages';
import { ContractsEnv } from '../contracts.env';
import { mergeGroups } from './contract-actor.service';

export interface GroupMember {
  userId: string;
  /** The display name from the directory copy; null when the seal cannot be opened (a key rotation). */
  name: string | null;
}

// Roles that make their holder a member of a group (legal, accounting); delivery has members only by directory.
const rolesGiving = (group: TaskGroup) => ALL_ROLES.filter((role) => groupsForRoles([role]).includes(group));

/**
 * The people a lead can hand a group's task to, with their names: active members of the group by role or by
 * directory membership, no salesperson (`mayReceiveTask`). The name travels sealed with the e-mail (PII_KEY); only
 * the name is opened, on read, for this answer: never stored in clear or logged.
 */
@Injectable()
export class GroupMembersService {
  private readonly logger = new Logger(GroupMembersService.name);
  private readonly piiKey: string;

  constructor(
    private readonly directory: DirectoryService,
    @Inject(CHASSIS_OPTIONS) options: ChassisOptions,
  ) {
    this.piiKey = (options.config as ContractsEnv).PII_KEY;
  }

  async of(group: TaskGroup): Promise<GroupMember[]> {
    const found = new Map<string, DirectoryUser>();
    for (const role of rolesGiving(group))
      for (const user of await this.directory.usersWithRole(role)) found.set(user.userId, user);
    for (const user of await this.directory.groupMembers(group)) found.set(user.userId, user);
    const members = [...found.values()]
      .filter((u) =>
        mayReceiveTask({ userId: u.userId, roles: u.roles, groups: mergeGroups(u.roles, u.groups) }, group),
      )
      .map((u) => ({ userId: u.userId, name: this.nameOf(u) }));
    return members.sort(
      (a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.userId.localeCompare(b.userId),
    );
  }

  private nameOf(user: DirectoryUser): string | null {
    try {
      const { name } = openPersonalData<{ name?: unknown }>(user.sealedContact, this.piiKey);
      return typeof name === 'string' && name.trim() ? name : null;
    } catch {
      this.logger.warn({ userId: user.userId }, 'directory contact of a user could not be opened');
      return null;
    }
  }
}
