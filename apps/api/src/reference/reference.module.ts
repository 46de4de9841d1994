import { Module } from '@nestjs/common';

/** Reference data and sanctions lists (issue: screening and checks). */
@Module({})
export class ReferenceModule {}
