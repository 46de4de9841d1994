import { Body, Controller, Get, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { type AuditActor } from '@forge/audit';
import { Allow } from '../auth/policy.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import {
  AdminUserResponseDto,
  CreateOrganizationRequestDto,
  CreateUserRequestDto,
  OrganizationResponseDto,
} from './identity.dto.js';
import { presentAdminUser, presentOrganization } from './identity.presenter.js';
import { IdentityService } from './identity.service.js';
import { requestOrigin } from './auth.controller.js';

function adminActor(user: AuthenticatedUser): AuditActor {
  return { id: user.id, role: 'admin' };
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@ApiResponse({ status: 401, description: 'No or bad token' })
@ApiResponse({ status: 403, description: 'AUTH.FORBIDDEN: not an admin' })
export class AdminController {
  constructor(@Inject(IdentityService) private readonly identity: IdentityService) {}

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
  @ApiOperation({ summary: 'Create a user (password stored with Argon2id)' })
  @ApiResponse({ status: 201, type: AdminUserResponseDto })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION.FAILED (e.g. sponsor without an existing organizationId, password < 12)',
  })
  @ApiResponse({ status: 409, description: 'CONFLICT: the email is taken' })
  async createUser(
    @Body() body: CreateUserRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<AdminUserResponseDto> {
    return presentAdminUser(await this.identity.createUser(body, adminActor(user), requestOrigin(request)));
  }

  @Get('users')
  @Allow(['admin'])
  @ApiOperation({ summary: 'Every user (oldest first, at most 500)' })
  @ApiResponse({ status: 200, type: AdminUserResponseDto, isArray: true })
  async listUsers(): Promise<AdminUserResponseDto[]> {
    return (await this.identity.listUsers()).map(presentAdminUser);
  }
}
