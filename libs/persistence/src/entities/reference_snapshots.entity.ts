import { EntitySchema } from 'typeorm';
import type { CountriesReference, MineralsReference, SdnEntry } from '@forge/domain';

/** The content stored per kind: the validated reference documents, or the parsed list entries. */
export interface ReferenceContent {
  countries: CountriesReference;
  minerals: MineralsReference;
  sanctions: SdnEntry[];
}

export type ReferenceKind = keyof ReferenceContent;

/** A row of `reference_snapshots` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ReferenceSnapshotsRow {
  id: string;
  kind: string;
  name: string;
  sha256: string;
  /** `ReferenceContent[kind]` (a query on one kind reads its own member). */
  content: ReferenceContent[ReferenceKind];
  entries: number;
  active: boolean;
  loaded_by: string;
  loaded_at: Date;
}

export const ReferenceSnapshotsEntity = new EntitySchema<ReferenceSnapshotsRow>({
  name: 'reference_snapshots',
  tableName: 'reference_snapshots',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    kind: { type: 'text', nullable: false },
    name: { type: 'text', nullable: false },
    sha256: { type: 'character', length: 64, nullable: false },
    content: { type: 'jsonb', nullable: false },
    entries: { type: 'integer', nullable: false },
    active: { type: 'boolean', nullable: false },
    loaded_by: { type: 'text', nullable: false },
    loaded_at: { type: 'timestamp with time zone', nullable: false },
  },
});
