import { Injectable } from '@nestjs/common';
import { Principal } from '@dealgate/auth';
import { Clock, Page, toPage } from '@dealgate/common';
import { ContractErrorCode, Role, TaskGroup, contractError } from '@dealgate/domain';
import { ContractActor, ContractActorService } from '../access/contract-actor.service';
import { GroupMembersService } from '../access/group-members.service';
import { CasesRepository } from '../cases/cases.repository';
import { taskAccess } from './task-guard';
import {
  GroupMembersView,
  MyTaskGroupsView,
  TaskDetailView,
  TaskView,
  toTaskDetailView,
  toTaskView,
} from './task.view';
import { QueueQuery, TaskListQuery } from './tasks.dto';
import { TaskListFilter, TasksRepository } from './tasks.repository';

/** "My tasks", group queues and one task with its comments, documents and history. */
@Injectable()
export class TaskQueriesService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly cases: CasesRepository,
    private readonly actors: ContractActorService,
    private readonly clock: Clock,
    private readonly members: GroupMembersService,
  ) {}

  // A group's queue and its people: for its members, its leads and the owner.
  private assertSeesGroup(actor: ContractActor, group: TaskGroup, what: string): void {
    if (!actor.groups.includes(group) && !actor.leadOf.includes(group) && !actor.roles.includes(Role.Owner)) {
      throw contractError(ContractErrorCode.NotGroupMember, `Only members of the ${group} group see its ${what}.`, {
        group,
      });
    }
  }

  private async page(filter: TaskListFilter, query: TaskListQuery): Promise<Page<TaskView>> {
    const now = this.clock.now();
    const { items, total } = await this.tasks.list(
      {
        ...filter,
        status: query.status,
        caseId: query.caseId,
        overdueAt: query.overdue ? now : undefined,
        dueBy: query.dueBy ? new Date(query.dueBy) : undefined,
        escalated: query.escalated,
      },
      query,
    );
    return toPage(
      items.map((t) => toTaskView(t, now)),
      total,
      query,
    );
  }

  /** Which queues the caller may open and which groups they lead (a lead may return others' tasks). */
  async groups(user: Principal): Promise<MyTaskGroupsView> {
    const actor = await this.actors.actorFor(user);
    return { groups: [...actor.groups], leadOf: [...actor.leadOf] };
  }

  mine(user: Principal, query: TaskListQuery): Promise<Page<TaskView>> {
    return this.page({ assigneeId: user.userId }, query);
  }

  /** The workable tasks of a group: for its members and the owner. */
  async queue(user: Principal, query: QueueQuery): Promise<Page<TaskView>> {
    this.assertSeesGroup(await this.actors.actorFor(user), query.group, 'queue');
    return this.page({ group: query.group, availableOnly: true, unassigned: query.unassigned }, query);
  }

  /** The people a task of the group can go to (the reassign picker), by name. */
  async groupMembers(user: Principal, group: TaskGroup): Promise<GroupMembersView> {
    this.assertSeesGroup(await this.actors.actorFor(user), group, 'members');
    const members = await this.members.of(group);
    return { group, members: members.map((m) => ({ id: m.userId, name: m.name })) };
  }

  async get(user: Principal, id: string): Promise<TaskDetailView> {
    const task = await this.tasks.find(id);
    const actor = await this.actors.actorFor(user);
    taskAccess(actor, task && (await this.cases.find(task.caseId)), task, id);
    const [comments, documents, events] = await Promise.all([
      this.tasks.comments(id),
      this.tasks.documents(id),
      this.tasks.events(id),
    ]);
    return toTaskDetailView(task!, this.clock.now(), { comments, documents, events });
  }
}
