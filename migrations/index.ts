import { CreateOutbox1790000000000 } from './1790000000000-create-outbox.js';

/** Every migration, in order. Explicit imports: ESM builds and Jest both see the same list. */
export const MIGRATIONS = [CreateOutbox1790000000000];
