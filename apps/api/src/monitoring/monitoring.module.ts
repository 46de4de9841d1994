import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller.js';

/** After the decision (issue 16): disbursements, repayments, tranches, write-off. */
@Module({ controllers: [MonitoringController] })
export class MonitoringModule {}
