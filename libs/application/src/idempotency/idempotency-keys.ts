import { Inject, Injectable } from '@nestjs/common';
import { type IdempotencyClaim, idempotencyKeysRepository, UnitOfWork } from '@forge/persistence';

export type { IdempotencyClaim } from '@forge/persistence';

/**
 * `Idempotency-Key` storage (api.md) for the API's interceptor and the worker's sweep, per user, 24 h. Each call
 * is its own statement (autocommit, outside any command's transaction): a claim must be visible to a concurrent
 * duplicate before the first request's command commits.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /** Claims `key` for this user or reports what holds it (an expired claim is removed first). */
  claim(claim: {
    userId: string;
    key: string;
    method: string;
    path: string;
    requestHash: string;
    ttlSeconds: number;
  }): Promise<IdempotencyClaim> {
    return this.unitOfWork.read((manager) => idempotencyKeysRepository.claim(manager, claim));
  }

  /** Stores the response of a claimed key (replayed to the same request later). */
  complete(claim: { userId: string; key: string; status: number; body: unknown }): Promise<void> {
    return this.unitOfWork.read((manager) => idempotencyKeysRepository.complete(manager, claim));
  }

  /** Deletes a claim whose request failed, so the client may retry with the same key. */
  release(claim: { userId: string; key: string }): Promise<void> {
    return this.unitOfWork.read((manager) => idempotencyKeysRepository.release(manager, claim));
  }

  /** Deletes up to `batch` expired keys; returns how many. */
  purgeExpired(batch?: number): Promise<number> {
    return this.unitOfWork.read((manager) => idempotencyKeysRepository.purgeExpired(manager, batch));
  }
}
