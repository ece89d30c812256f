import { Injectable } from '@nestjs/common';
import { IdentityErrorCode, identityError, mayListUnitMembers } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { UnitMemberDto } from './unit-members.dto';
import { UnitsRepository } from './units.repository';
import { UsersRepository } from './users.repository';

// A unit is a team, not a directory: more than this many members is not a list to pick from.
const MAX_MEMBERS = 1000;

/** The active members of a unit, for the people who hand out its work. */
@Injectable()
export class UnitMembersService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
  ) {}

  async list(caller: Principal, unitId: string): Promise<UnitMemberDto[]> {
    const unit = await this.units.findById(unitId);
    // A unit the caller may not look into answers like one that does not exist.
    if (!unit || !mayListUnitMembers(caller, unit)) {
      throw identityError(IdentityErrorCode.UnitNotFound, `No unit ${unitId}.`);
    }
    const { items } = await this.users.list({ unitId, active: true, limit: MAX_MEMBERS, offset: 0 });
    return items
      .map((u) => ({ id: u.id, name: u.name, roles: u.roles }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}
