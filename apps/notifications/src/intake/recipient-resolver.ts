import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DirectoryService, DirectoryUser } from '@dealgate/chassis';
import { ALL_ROLES, AudienceSelector, assertNever, distinctRecipients, groupsForRoles } from '@dealgate/domain';

/** Turns audience selectors into people from the service's own directory copy (fed by identity events). */
@Injectable()
export class RecipientResolver {
  constructor(private readonly directory: DirectoryService) {}

  async resolve(selectors: AudienceSelector[], manager: EntityManager): Promise<string[]> {
    const found: DirectoryUser[] = [];
    for (const selector of selectors) found.push(...(await this.select(selector, manager)));
    return distinctRecipients(found);
  }

  private async select(selector: AudienceSelector, manager: EntityManager): Promise<DirectoryUser[]> {
    switch (selector.kind) {
      case 'user':
        return this.one(selector.userId, manager);
      case 'role':
        return this.directory.usersWithRole(selector.role, selector.unitId, manager);
      case 'unit_head': {
        const unit = await this.directory.unit(selector.unitId, manager);
        return unit?.active && unit.headUserId ? this.one(unit.headUserId, manager) : [];
      }
      case 'group': {
        // A role gives membership of its group (groupsForRoles: legal, accounting) without a directory entry, as
        // the contracts service counts it; otherwise a lawyer would never hear of a task opened for legal.
        const roles = ALL_ROLES.filter((role) => (groupsForRoles([role]) as string[]).includes(selector.group));
        const byRole = await Promise.all(roles.map((role) => this.directory.usersWithRole(role, null, manager)));
        return [...(await this.directory.groupMembers(selector.group, false, manager)), ...byRole.flat()];
      }
      case 'group_leads':
        return this.directory.groupMembers(selector.group, true, manager);
      default:
        return assertNever(selector, 'audience selector');
    }
  }

  private async one(userId: string, manager: EntityManager): Promise<DirectoryUser[]> {
    const user = await this.directory.user(userId, manager);
    return user ? [user] : [];
  }
}
