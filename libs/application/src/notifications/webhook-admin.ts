import { Inject, Injectable } from '@nestjs/common';
import { type AuditActor } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  disableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  registerWebhookEndpoint,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
  type WebhookEndpointInput,
  type WebhookEndpointView,
} from '@forge/messaging';
import { UnitOfWork } from '@forge/persistence';
import { Clock } from '../clock.js';

/**
 * Webhook endpoints for integrators, the admin's use cases (`/admin/webhooks`, docs/notifications.md): register,
 * list, disable, read the delivery log, redeliver. Each command is one transaction with its audit event; the
 * checks and statements are libs/messaging's, which also delivers.
 */
@Injectable()
export class WebhookAdmin {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registers an endpoint; its `whsec_` secret is returned here, once. */
  register(
    input: WebhookEndpointInput,
    actor: AuditActor,
  ): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
    const { allowPrivate } = this.config.notifications.webhooks;
    return this.unitOfWork.run((tx) => registerWebhookEndpoint(tx, input, actor, { allowPrivate }));
  }

  list(): Promise<WebhookEndpointView[]> {
    return this.unitOfWork.read((manager) => listWebhookEndpoints(manager));
  }

  /** Nothing more is queued for the endpoint (idempotent: the first time is kept). */
  disable(endpointId: string, actor: AuditActor): Promise<WebhookEndpointView> {
    return this.unitOfWork.run((tx) => disableWebhookEndpoint(tx, endpointId, actor, this.clock.now()));
  }

  deliveries(
    endpointId: string,
    query: { limit: number; status?: WebhookDeliveryStatus },
  ): Promise<WebhookDeliveryView[]> {
    return this.unitOfWork.read((manager) => listWebhookDeliveries(manager, endpointId, query));
  }

  /** A delivered or dead-lettered message goes out again (same webhook-id, a new 24 h window). */
  redeliver(endpointId: string, deliveryId: string, actor: AuditActor): Promise<void> {
    return this.unitOfWork.run((tx) => redeliverWebhook(tx, endpointId, deliveryId, actor, this.clock.now()));
  }
}
