import type { FinancingStructure } from '../application/application-input.js';
import type { Covenant } from './covenants.js';
import type { Tranche } from './tranches.js';

/**
 * The financing structure as an application stores it: what the officer recorded, and after close the covenants
 * (`financing.covenants_recorded`) and tranches (`financing.tranches_recorded`) of monitoring.md.
 */
export interface RecordedFinancing extends FinancingStructure {
  covenants?: Covenant[];
  tranches?: Tranche[];
}
