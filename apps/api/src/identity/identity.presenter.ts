import {
  type OrganizationRecord,
  type RoleRequestRecord,
  type UserRecord,
  type UserWithRequest,
} from '@forge/application';
import {
  type AdminUserResponseDto,
  type OrganizationResponseDto,
  type RoleRequestResponseDto,
  type UserResponseDto,
} from './identity.dto.js';

/** Whitelists what leaves the API (never the password hash). */
export function presentUser(
  user: Pick<UserRecord, 'id' | 'email' | 'displayName' | 'roles' | 'organizationId'>,
): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
  };
}

/** The admin view of an account (admins only): never a secret, only whether a second factor is enrolled. */
export function presentAdminUser({
  user,
  pendingRoleRequest,
  totpEnrolled,
}: UserWithRequest): AdminUserResponseDto {
  return {
    ...presentUser(user),
    disabled: user.disabled,
    locale: user.locale,
    createdAt: user.createdAt,
    totpEnrolled,
    pendingRoleRequest: pendingRoleRequest ? presentRoleRequest(pendingRoleRequest) : null,
  };
}

export function presentRoleRequest(request: RoleRequestRecord): RoleRequestResponseDto {
  return {
    id: request.id,
    userId: request.userId,
    userEmail: request.userEmail,
    rolesBefore: request.rolesBefore,
    rolesAfter: request.rolesAfter,
    reason: request.reason,
    status: request.status,
    requestedBy: request.requestedBy,
    decidedBy: request.decidedBy,
    decisionNote: request.decisionNote,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
  };
}

export function presentOrganization(organization: OrganizationRecord): OrganizationResponseDto {
  return {
    id: organization.id,
    name: organization.name,
    country: organization.country,
    registrationNumber: organization.registrationNumber,
    kind: organization.kind,
    sector: organization.sector,
    createdAt: organization.createdAt,
  };
}
