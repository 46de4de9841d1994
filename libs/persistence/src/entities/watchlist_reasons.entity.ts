import { EntitySchema } from 'typeorm';

/** A row of `watchlist_reasons` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface WatchlistReasonsRow {
  application_id: string;
  id: string;
  kind: string;
  ref: string;
  detail: string;
  added_at: Date;
  cleared_at: Date | null;
  cleared_by: string | null;
  clear_note: string | null;
}

export const WatchlistReasonsEntity = new EntitySchema<WatchlistReasonsRow>({
  name: 'watchlist_reasons',
  tableName: 'watchlist_reasons',
  columns: {
    application_id: { type: 'uuid', primary: true, nullable: false },
    id: { type: 'text', primary: true, nullable: false },
    kind: { type: 'text', nullable: false },
    ref: { type: 'text', nullable: false },
    detail: { type: 'text', nullable: false },
    added_at: { type: 'timestamp with time zone', nullable: false },
    cleared_at: { type: 'timestamp with time zone', nullable: true },
    cleared_by: { type: 'uuid', nullable: true },
    clear_note: { type: 'text', nullable: true },
  },
});
