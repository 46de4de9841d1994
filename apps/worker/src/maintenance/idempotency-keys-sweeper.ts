import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { IdempotencyKeys } from '@forge/application';

const SWEEP_EVERY_MS = 15 * 60 * 1000;

/**
 * Idempotency keys live 24 h; this sweep deletes expired ones in small batches so the table does not grow
 * without bound (any number of workers may run it: the deletes do not conflict).
 */
@Injectable()
export class IdempotencyKeysSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeysSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(@Inject(IdempotencyKeys) private readonly keys: IdempotencyKeys) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes every expired key, batch by batch; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const deleted = await this.keys.purgeExpired();
        total += deleted;
        if (deleted < 1000) break;
      }
    } catch (error) {
      this.logger.warn(`idempotency key sweep failed (retried in 15 min): ${(error as Error).message}`);
    }
    return total;
  }
}
