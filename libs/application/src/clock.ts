import { Injectable } from '@nestjs/common';

/**
 * The clock of every use case that reads the time (portfolio.md: "the clock is an input of the pure domain").
 * One instance per process; tests that must move time read it from the application context and set the
 * moment they need (`set`) instead of sleeping. Unset, it is the system clock.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed === null ? new Date() : new Date(this.fixed.getTime());
  }

  /** Whether the time is fixed (`set`), rather than the system clock. */
  isFixed(): boolean {
    return this.fixed !== null;
  }

  /** Fixes the time at `moment` (tests); `null` returns to the system clock. */
  set(moment: Date | null): void {
    this.fixed = moment === null ? null : new Date(moment.getTime());
  }
}
