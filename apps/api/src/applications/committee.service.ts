import { Inject, Injectable } from '@nestjs/common';
import { CommitteeCommands } from '@forge/application';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';
import { ApplicationsService } from './applications.service.js';
import { type CommitteeVoteDto } from './dto/index.js';

/** HTTP ↔ use case for investment committee votes. */
@Injectable()
export class CommitteeService {
  constructor(
    @Inject(CommitteeCommands) private readonly committee: CommitteeCommands,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
  ) {}

  async vote(user: AuthenticatedUser, applicationId: string, dto: CommitteeVoteDto) {
    return this.applications.present(
      await this.committee.vote(toActor(user), applicationId, {
        decision: dto.decision,
        rationale: dto.rationale,
        conflictOfInterest: dto.conflictOfInterest,
        ...(dto.conditions !== undefined ? { conditions: dto.conditions } : {}),
      }),
      user.id,
    );
  }

  /** The IC pack frozen when the latest round opened. */
  pack(user: AuthenticatedUser, applicationId: string) {
    return this.committee.pack(toActor(user), applicationId);
  }
}
