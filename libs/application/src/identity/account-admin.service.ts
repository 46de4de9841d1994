import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type AuditActor } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import {
  type RoleRequestRecord,
  type RoleRequestStatus,
  roleRequestsRepository,
  type UserRecord,
  usersRepository,
  UnitOfWork,
} from '@forge/persistence';
import { MakerChecker } from '../approvals/maker-checker.js';
import { changeUserRoles, resetPassword, setUserDisabled } from './account-lifecycle.js';
import { type RoleChangeOutcome } from './account-changes.js';
import { type RequestOrigin } from './identity.service.js';
import { usersWithSecondFactor } from './second-factor.js';
import { isWellFormedToken, tokenHash } from './secret-tokens.js';
import { type CreatedUserAccount, createUserAccount, type NewUserAccount } from './user-accounts.js';

export interface UserWithRequest {
  user: UserRecord;
  pendingRoleRequest: RoleRequestRecord | null;
  /** A confirmed TOTP enrolment (the admin view shows it; a reset is possible only then). */
  totpEnrolled: boolean;
}

/**
 * Accounts (issue 19): the account of a verified credential, creation, and the lifecycle for admins (list, disable
 * and enable, roles with four-eyes grants; password reset).
 */
@Injectable()
export class AccountAdminService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(MakerChecker) private readonly makerChecker: MakerChecker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The account's current row (state, roles, auth version), or null: what every authenticated request checks. */
  findUser(userId: string): Promise<UserRecord | null> {
    return this.unitOfWork.read((manager) => usersRepository.findById(manager, userId));
  }

  /**
   * Creates an account and its `user.created` event in one transaction (see `createUserAccount`). With `fourEyes`
   * (the admin route), the roles of ROLE_GRANT_APPROVAL wait for a second admin.
   */
  createUser(
    input: NewUserAccount,
    actor: AuditActor,
    context: Record<string, string> = {},
    options: { fourEyes?: boolean } = {},
  ): Promise<CreatedUserAccount> {
    const roleGrantApproval = options.fourEyes ? this.config.auth.roleGrantApproval : undefined;
    return this.unitOfWork.run((tx) => createUserAccount(tx, input, actor, context, { roleGrantApproval }));
  }

  listUsers(): Promise<UserWithRequest[]> {
    return this.unitOfWork.read((manager) => this.usersWithRequests(manager));
  }

  private async usersWithRequests(manager: EntityManager): Promise<UserWithRequest[]> {
    const users = await usersRepository.list(manager);
    const ids = users.map((user) => user.id);
    const pending = await roleRequestsRepository.pendingByUser(manager, ids);
    const enrolled = await usersWithSecondFactor(manager, ids);
    return users.map((user) => ({
      user,
      pendingRoleRequest: pending.get(user.id) ?? null,
      totpEnrolled: enrolled.has(user.id),
    }));
  }

  getUser(userId: string): Promise<UserWithRequest> {
    return this.unitOfWork.read(async (manager) => {
      const user = await usersRepository.findById(manager, userId);
      if (!user) throw new DomainError('USER.NOT_FOUND', 'User not found');
      return {
        user,
        pendingRoleRequest: await roleRequestsRepository.findPendingForUser(manager, userId),
        totpEnrolled: (await usersWithSecondFactor(manager, [userId])).has(userId),
      };
    });
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
      changeUserRoles(
        tx,
        { userId, roles, reason, roleGrantApproval: this.config.auth.roleGrantApproval },
        actor,
        { requestId: origin.requestId },
      ),
    );
  }

  listRoleRequests(status: RoleRequestStatus): Promise<RoleRequestRecord[]> {
    return this.unitOfWork.read((manager) => roleRequestsRepository.list(manager, status));
  }

  /** A second admin decides a role grant: the one maker-checker service's four eyes (`decideRoleGrant`). */
  decideRoleRequest(
    requestId: string,
    decision: 'approve' | 'reject',
    note: string | null,
    actor: AuditActor,
    origin: RequestOrigin,
  ): Promise<RoleChangeOutcome> {
    return this.unitOfWork.run((tx) =>
      this.makerChecker.decideRoleGrant(tx, { requestId, decision, note }, actor, {
        requestId: origin.requestId,
      }),
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
