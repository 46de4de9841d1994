import { Module } from '@nestjs/common';

/** Users, organisations, tokens, administration (issue: identity and access). */
@Module({})
export class IdentityModule {}
