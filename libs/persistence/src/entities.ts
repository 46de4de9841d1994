import { type EntitySchema } from 'typeorm';

/** Every TypeORM entity, registered explicitly (no globs: the same list works in dist/ and under Jest). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes of any shape
export const ENTITIES: Array<Function | EntitySchema> = [];
