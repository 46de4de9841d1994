import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type AuditActor } from '@forge/audit';
import { DomainError } from '@forge/domain';
import { AccountAdminService, IdentityService, type RoleRequestStatus } from '@forge/application';
import { Allow } from '../auth/policy.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { UuidParam } from '../common/path-params.js';
import {
  AccountStatusRequestDto,
  AdminUserResponseDto,
  ChangeRolesRequestDto,
  CreateOrganizationRequestDto,
  CreateUserRequestDto,
  OrganizationResponseDto,
  RoleChangeResponseDto,
  RoleRequestDecisionDto,
  RoleRequestResponseDto,
} from './identity.dto.js';
import { presentAdminUser, presentOrganization, presentRoleRequest } from './identity.presenter.js';
import { requestOrigin } from './auth.controller.js';

function adminActor(user: AuthenticatedUser): AuditActor {
  return { id: user.id, role: 'admin' };
}

/**
 * Organisations and accounts, for admins only (every route: `@Allow(['admin'])`; every write appends exactly one
 * audit event in its transaction). Granting a role of ROLE_GRANT_APPROVAL (admin by default) waits for a second
 * admin (four-eyes).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@ApiResponse({ status: 401, description: 'No or bad credentials' })
@ApiResponse({ status: 403, description: 'AUTH.FORBIDDEN: not an admin' })
export class AdminController {
  constructor(
    @Inject(IdentityService) private readonly identity: IdentityService,
    @Inject(AccountAdminService) private readonly accounts: AccountAdminService,
  ) {}

  @Post('organizations')
  @Allow(['admin'], { write: true })
  @Idempotent()
  @ApiOperation({ summary: 'Register a sponsor organisation' })
  @ApiResponse({ status: 201, type: OrganizationResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({ status: 409, description: 'CONFLICT: same country and registration number' })
  async createOrganization(
    @Body() body: CreateOrganizationRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<OrganizationResponseDto> {
    return presentOrganization(
      await this.identity.createOrganization(body, adminActor(user), requestOrigin(request)),
    );
  }

  @Get('organizations')
  @Allow(['admin'])
  @ApiOperation({ summary: 'Every organisation (oldest first, at most 500)' })
  @ApiResponse({ status: 200, type: OrganizationResponseDto, isArray: true })
  async listOrganizations(): Promise<OrganizationResponseDto[]> {
    return (await this.identity.listOrganizations()).map(presentOrganization);
  }

  @Post('users')
  @Allow(['admin'], { write: true })
  @Idempotent()
  @ApiOperation({
    summary: 'Create a user (password stored with Argon2id)',
    description:
      'The roles are granted at once, except those of ROLE_GRANT_APPROVAL (admin by default): asking for one ' +
      'creates the account with no role and a pending role request (`pendingRoleRequest`) that a second admin ' +
      'approves. Admin is never combined with officer or committee.',
  })
  @ApiResponse({ status: 201, type: AdminUserResponseDto })
  @ApiResponse({
    status: 400,
    description:
      'VALIDATION.FAILED (e.g. sponsor without an existing organizationId, admin with officer) or ' +
      'AUTH.PASSWORD_REJECTED (too short, blank, common, derived from the email)',
  })
  @ApiResponse({ status: 409, description: 'CONFLICT: the email is taken' })
  async createUser(
    @Body() body: CreateUserRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<AdminUserResponseDto> {
    // An admin asking for a role of ROLE_GRANT_APPROVAL (admin by default) creates the account with no role and a
    // pending four-eyes request (the bootstrap admin and the CLI create accounts without).
    const created = await this.accounts.createUser(
      body,
      adminActor(user),
      { requestId: requestOrigin(request).requestId },
      { fourEyes: true },
    );
    // A new account has no second factor yet.
    return presentAdminUser({
      user: created.user,
      pendingRoleRequest: created.roleRequest,
      totpEnrolled: false,
    });
  }

  @Get('users')
  @Allow(['admin'])
  @ApiOperation({ summary: 'Every user (oldest first, at most 500), with any role grant awaiting approval' })
  @ApiResponse({ status: 200, type: AdminUserResponseDto, isArray: true })
  async listUsers(): Promise<AdminUserResponseDto[]> {
    return (await this.accounts.listUsers()).map(presentAdminUser);
  }

  @Get('users/:userId')
  @Allow(['admin'])
  @ApiOperation({ summary: 'One user' })
  @ApiResponse({ status: 200, type: AdminUserResponseDto })
  @ApiResponse({ status: 404, description: 'USER.NOT_FOUND' })
  async getUser(@UuidParam('userId') userId: string): Promise<AdminUserResponseDto> {
    const entry = await this.accounts.getUser(userId);
    return presentAdminUser(entry);
  }

  @Post('users/:userId/disable')
  @Allow(['admin'], { write: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable an account: its sessions and tokens are refused from the next request on',
    description: 'Writes `user.disabled`. An admin cannot disable their own account.',
  })
  @ApiResponse({ status: 200, type: AdminUserResponseDto })
  @ApiResponse({ status: 403, description: 'AUTH.SELF_ADMINISTRATION' })
  @ApiResponse({ status: 404, description: 'USER.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'CONFLICT: already disabled' })
  async disable(
    @UuidParam('userId') userId: string,
    @Body() body: AccountStatusRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<AdminUserResponseDto> {
    await this.accounts.setDisabled(userId, true, body.reason, adminActor(user), requestOrigin(request));
    const entry = await this.accounts.getUser(userId);
    return presentAdminUser(entry);
  }

  @Post('users/:userId/enable')
  @Allow(['admin'], { write: true })
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account (`user.enabled`); the user signs in again' })
  @ApiResponse({ status: 200, type: AdminUserResponseDto })
  @ApiResponse({ status: 403, description: 'AUTH.SELF_ADMINISTRATION' })
  @ApiResponse({ status: 404, description: 'USER.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'CONFLICT: not disabled' })
  async enable(
    @UuidParam('userId') userId: string,
    @Body() body: AccountStatusRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<AdminUserResponseDto> {
    await this.accounts.setDisabled(userId, false, body.reason, adminActor(user), requestOrigin(request));
    const entry = await this.accounts.getUser(userId);
    return presentAdminUser(entry);
  }

  @Put('users/:userId/roles')
  @Allow(['admin'], { write: true })
  @ApiOperation({
    summary: "Set a user's roles",
    description:
      'A change that grants no role of ROLE_GRANT_APPROVAL (admin by default; officer and committee when the ' +
      'installation says so) applies at once: 200, `user.roles_changed`, the user signs in again. Granting one ' +
      'creates a pending role request: 202, `user.role_change_requested`; a second admin approves it. Admin is ' +
      'never combined with officer or committee.',
  })
  @ApiResponse({ status: 200, type: RoleChangeResponseDto, description: 'Applied' })
  @ApiResponse({ status: 202, type: RoleChangeResponseDto, description: 'Waiting for a second admin' })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION.FAILED (e.g. admin with officer, sponsor with staff)',
  })
  @ApiResponse({ status: 403, description: 'AUTH.SELF_ADMINISTRATION' })
  @ApiResponse({ status: 404, description: 'USER.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'AUTH.ROLE_REQUEST_PENDING, or CONFLICT: the same roles' })
  async changeRoles(
    @UuidParam('userId') userId: string,
    @Body() body: ChangeRolesRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoleChangeResponseDto> {
    const outcome = await this.accounts.changeRoles(
      userId,
      body.roles,
      body.reason,
      adminActor(user),
      requestOrigin(request),
    );
    if (outcome.roleRequest) void reply.status(202);
    const entry = await this.accounts.getUser(userId);
    return {
      user: presentAdminUser(entry),
      roleRequest: outcome.roleRequest ? presentRoleRequest(outcome.roleRequest) : null,
    };
  }

  @Get('role-requests')
  @Allow(['admin'])
  @ApiOperation({ summary: 'Role grants by status (default: pending, the four-eyes inbox), oldest first' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'approved', 'rejected'] })
  @ApiResponse({ status: 200, type: RoleRequestResponseDto, isArray: true })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED: unknown status' })
  async listRoleRequests(@Query('status') status?: string): Promise<RoleRequestResponseDto[]> {
    const wanted = status ?? 'pending';
    if (!['pending', 'approved', 'rejected'].includes(wanted)) {
      throw new DomainError('VALIDATION.FAILED', 'status must be pending, approved or rejected', [
        { field: 'status', message: 'status must be pending, approved or rejected' },
      ]);
    }
    return (await this.accounts.listRoleRequests(wanted as RoleRequestStatus)).map(presentRoleRequest);
  }

  @Post('role-requests/:requestId/approve')
  @Allow(['admin'], { write: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a role grant (a second admin: not the one who asked, not the user concerned)',
    description:
      'Applies the roles: `user.roles_changed` naming the request and both admins; the user signs in again.',
  })
  @ApiResponse({ status: 200, type: RoleChangeResponseDto })
  @ApiResponse({ status: 403, description: 'APPROVAL.SELF_APPROVAL or AUTH.SELF_ADMINISTRATION' })
  @ApiResponse({ status: 404, description: 'ROLE_REQUEST.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'APPROVAL.ALREADY_DECIDED or AUTH.ROLE_REQUEST_STALE' })
  approve(
    @UuidParam('requestId') requestId: string,
    @Body() body: RoleRequestDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<RoleChangeResponseDto> {
    return this.decide(requestId, 'approve', body, user, request);
  }

  @Post('role-requests/:requestId/reject')
  @Allow(['admin'], { write: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a role grant (any other admin; the admin who asked may withdraw it)',
    description: 'Writes `user.role_change_rejected`; the roles stay as they are.',
  })
  @ApiResponse({ status: 200, type: RoleChangeResponseDto })
  @ApiResponse({ status: 403, description: 'AUTH.SELF_ADMINISTRATION' })
  @ApiResponse({ status: 404, description: 'ROLE_REQUEST.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'APPROVAL.ALREADY_DECIDED' })
  reject(
    @UuidParam('requestId') requestId: string,
    @Body() body: RoleRequestDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<RoleChangeResponseDto> {
    return this.decide(requestId, 'reject', body, user, request);
  }

  private async decide(
    requestId: string,
    decision: 'approve' | 'reject',
    body: RoleRequestDecisionDto,
    user: AuthenticatedUser,
    request: FastifyRequest,
  ): Promise<RoleChangeResponseDto> {
    const outcome = await this.accounts.decideRoleRequest(
      requestId,
      decision,
      body.note?.trim() || null,
      adminActor(user),
      requestOrigin(request),
    );
    const entry = await this.accounts.getUser(outcome.user.id);
    return {
      user: presentAdminUser(entry),
      roleRequest: outcome.roleRequest ? presentRoleRequest(outcome.roleRequest) : null,
    };
  }
}
