import { type OrganizationRecord, type UserRecord } from '@forge/persistence';
import {
  type AdminUserResponseDto,
  type OrganizationResponseDto,
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

export function presentAdminUser(user: UserRecord): AdminUserResponseDto {
  return { ...presentUser(user), disabled: user.disabled, createdAt: user.createdAt };
}

export function presentOrganization(organization: OrganizationRecord): OrganizationResponseDto {
  return {
    id: organization.id,
    name: organization.name,
    country: organization.country,
    registrationNumber: organization.registrationNumber,
    createdAt: organization.createdAt,
  };
}
