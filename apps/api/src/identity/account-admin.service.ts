import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuditActor } from '@forge/audit';
import { DomainError } from '@forge/domain';
import {
  type RoleRequestRecord,
  type RoleRequestStatus,
  roleRequestsRepository,
  type UserRecord,
  usersRepository,
  UnitOfWork,
} from '@forge/persistence';
import {
  changeUserRoles,
  decideRoleRequest,
  resetPassword,
  type RoleChangeOutcome,
  setUserDisabled,
} from '@forge/application';
import { isWellFormedToken, tokenHash } from '../auth/session-cookie.js';
import { type RequestOrigin } from './identity.service.js';

export interface UserWithRequest {
  user: UserRecord;
  pendingRoleRequest: RoleRequestRecord | null;
}

/** Account lifecycle for admins (issue 19): list, disable and enable, roles with four-eyes grants; password reset. */
@Injectable()
export class AccountAdminService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {}

  async listUsers(): Promise<UserWithRequest[]> {
    const manager = this.dataSource.manager;
    const users = await usersRepository.list(manager);
    const pending = await roleRequestsRepository.pendingByUser(
      manager,
      users.map((user) => user.id),
    );
    return users.map((user) => ({ user, pendingRoleRequest: pending.get(user.id) ?? null }));
  }

  async getUser(userId: string): Promise<UserWithRequest> {
    const manager = this.dataSource.manager;
    const user = await usersRepository.findById(manager, userId);
    if (!user) throw new DomainError('USER.NOT_FOUND', 'User not found');
    return { user, pendingRoleRequest: await roleRequestsRepository.findPendingForUser(manager, userId) };
  }

  setDisabled(
    userId: string,
    disabled: boolean,
    reason: string,
    actor: AuditActor,
    origin: RequestOrigin,
  ): Promise<UserRecord> {
    return this.unitOfWork.run((tx) =>
      setUserDisabled(tx, { userId, disabled, reason }, actor, { requestId: origin.requestId }),
    );
  }

  changeRoles(
    userId: string,
    roles: readonly string[],
    reason: string,
    actor: AuditActor,
    origin: RequestOrigin,
  ): Promise<RoleChangeOutcome> {
    return this.unitOfWork.run((tx) =>
      changeUserRoles(tx, { userId, roles, reason }, actor, { requestId: origin.requestId }),
    );
  }

  listRoleRequests(status: RoleRequestStatus): Promise<RoleRequestRecord[]> {
    return roleRequestsRepository.list(this.dataSource.manager, status);
  }

  decideRoleRequest(
    requestId: string,
    decision: 'approve' | 'reject',
    note: string | null,
    actor: AuditActor,
    origin: RequestOrigin,
  ): Promise<RoleChangeOutcome> {
    return this.unitOfWork.run((tx) =>
      decideRoleRequest(tx, { requestId, decision, note }, actor, { requestId: origin.requestId }),
    );
  }

  /** Sets a new password with a one-time token (public route; the token is the credential). */
  async resetPassword(token: string, password: string, origin: RequestOrigin): Promise<void> {
    if (!isWellFormedToken(token)) {
      throw new DomainError(
        'AUTH.INVALID_RESET_TOKEN',
        'This password-reset link is unknown, used or expired: ask for a new one',
      );
    }
    await this.unitOfWork.run((tx) =>
      resetPassword(
        tx,
        { tokenHash: tokenHash(token), password },
        { requestId: origin.requestId, ip: origin.ip },
      ),
    );
  }
}
