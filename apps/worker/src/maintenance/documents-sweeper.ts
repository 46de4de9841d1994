import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DocumentFiles } from '@forge/application';

const SWEEP_EVERY_MS = 15 * 60 * 1000;

/**
 * Removes what a crash between an upload and its commit leaves on disk (DocumentFiles.sweep: unfinished uploads
 * and stored files no document references, once older than DOCUMENTS_SWEEP_GRACE_SECONDS). Any number of workers
 * may run it: each removal takes the content's lock and re-checks.
 */
@Injectable()
export class DocumentsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentsSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(@Inject(DocumentFiles) private readonly files: DocumentFiles) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      await this.files.sweep();
    } catch (error) {
      this.logger.warn(`document sweep failed (retried in 15 min): ${(error as Error).message}`);
    }
  }
}
