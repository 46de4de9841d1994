import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller.js';
import { ProjectMonitoringController } from './project-monitoring.controller.js';

/** After the decision (issue 16): disbursements, repayments, tranches, write-off; ESAP, AMRs, incidents, watchlist. */
@Module({ controllers: [MonitoringController, ProjectMonitoringController] })
export class MonitoringModule {}
