import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, CommonErrorCode, Refuses } from '@dealgate/common';
import { ALL_ROLES, ContractErrorCode, TaskGroup } from '@dealgate/domain';
import { TaskCommandsService } from './task-commands.service';
import { TaskQueriesService } from './task-queries.service';
import { GroupMembersView, MyTaskGroupsView, TaskDetailView, TaskView } from './task.view';
import {
  CommentDto,
  CompleteTaskDto,
  DocumentLinkDto,
  QueueQuery,
  ReassignTaskDto,
  ReturnTaskDto,
  TaskListQuery,
} from './tasks.dto';

/** Every task command: a task the caller sees, not done, never by a salesperson (applyTaskCommand). */
const TASK_COMMAND = [
  CommonErrorCode.NotFound,
  ContractErrorCode.SalespersonExcluded,
  ContractErrorCode.TaskAlreadyDone,
];

// Any signed-in user (delivery members hold no dedicated role): group membership, case access and the task machine
// decide who sees and acts; the salesperson reaches a task only to be refused.
const TASK_ROLES = ALL_ROLES;

@ApiTags('tasks')
@ApiBearerAuth()
@Roles(...TASK_ROLES)
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly queries: TaskQueriesService,
    private readonly commands: TaskCommandsService,
  ) {}

  @Get('mine')
  @ApiOperation({ summary: 'Tasks assigned to the caller; filter by status, case, overdue' })
  @ApiOkResponse({ type: PageOf(TaskView) })
  mine(@CurrentUser() user: Principal, @Query() query: TaskListQuery): Promise<Page<TaskView>> {
    return this.queries.mine(user, query);
  }

  @Get('groups')
  @ApiOperation({ summary: 'The task groups whose queues the caller works (and the ones they lead)' })
  @ApiOkResponse({ type: MyTaskGroupsView })
  groups(@CurrentUser() user: Principal): Promise<MyTaskGroupsView> {
    return this.queries.groups(user);
  }

  @Get('groups/:group/members')
  @ApiOperation({
    summary: "The people a task of the group can go to, by name (the group's members and leads, and the owner)",
  })
  @ApiParam({ name: 'group', enum: TaskGroup })
  @ApiOkResponse({ type: GroupMembersView })
  @Refuses(ContractErrorCode.NotGroupMember)
  groupMembers(
    @CurrentUser() user: Principal,
    @Param('group', new ParseEnumPipe(TaskGroup)) group: TaskGroup,
  ): Promise<GroupMembersView> {
    return this.queries.groupMembers(user, group);
  }

  @Get('queue')
  @ApiOperation({
    summary: "A group's workable tasks (members and the owner); filter by status, case, overdue, unassigned",
  })
  @ApiOkResponse({ type: PageOf(TaskView) })
  @Refuses(ContractErrorCode.NotGroupMember)
  queue(@CurrentUser() user: Principal, @Query() query: QueueQuery): Promise<Page<TaskView>> {
    return this.queries.queue(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task with its comments, document links and history' })
  @ApiOkResponse({ type: TaskDetailView })
  @Refuses(CommonErrorCode.NotFound)
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDetailView> {
    return this.queries.get(user, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim an available task of one of your groups' })
  @ApiOkResponse({ type: TaskDetailView })
  @Refuses(
    ...TASK_COMMAND,
    ContractErrorCode.NotGroupMember,
    ContractErrorCode.TaskAlreadyClaimed,
    ContractErrorCode.TaskNotAvailable,
  )
  claim(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDetailView> {
    return this.commands.claim(user, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark your claimed task done, optionally with its result; tasks waiting for it become available',
  })
  @ApiBody({ type: CompleteTaskDto, required: false })
  @ApiOkResponse({ type: TaskDetailView })
  @Refuses(...TASK_COMMAND, ContractErrorCode.TaskNotClaimed, ContractErrorCode.NotAssignee)
  complete(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteTaskDto,
  ): Promise<TaskDetailView> {
    return this.commands.complete(user, id, dto.result);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a claimed task to the group queue with a reason (assignee or group lead)' })
  @ApiOkResponse({ type: TaskDetailView })
  @Refuses(
    ...TASK_COMMAND,
    ContractErrorCode.ReturnReasonRequired,
    ContractErrorCode.TaskNotClaimed,
    ContractErrorCode.NotAssignee,
  )
  giveBack(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnTaskDto,
  ): Promise<TaskDetailView> {
    return this.commands.giveBack(user, id, dto.reason);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the task to another member of its group (group lead)' })
  @ApiOkResponse({ type: TaskDetailView })
  @Refuses(
    ...TASK_COMMAND,
    ContractErrorCode.NotGroupLead,
    ContractErrorCode.TaskNotAvailable,
    ContractErrorCode.AssigneeNotGroupMember,
    ContractErrorCode.AlreadyAssigned,
  )
  reassign(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReassignTaskDto,
  ): Promise<TaskDetailView> {
    return this.commands.reassign(user, id, dto.assigneeId);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Comment on a task' })
  @ApiOkResponse({ type: TaskDetailView })
  @Refuses(CommonErrorCode.NotFound, CommonErrorCode.Forbidden)
  comment(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CommentDto,
  ): Promise<TaskDetailView> {
    return this.commands.comment(user, id, dto.body);
  }

  @Post(':id/documents')
  @ApiOperation({ summary: 'Link a document (e.g. the draft in the document store) to a task' })
  @ApiOkResponse({ type: TaskDetailView })
  @Refuses(CommonErrorCode.NotFound, CommonErrorCode.Forbidden)
  linkDocument(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DocumentLinkDto,
  ): Promise<TaskDetailView> {
    return this.commands.linkDocument(user, id, dto);
  }
}
