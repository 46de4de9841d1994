import { EntitySchema } from 'typeorm';

/** A row of `risk_band_overrides` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface RiskBandOverridesRow {
  id: string;
  application_id: string;
  assessment_id: string;
  band: string;
  rationale: string;
  approval_id: string;
  created_at: Date;
}

export const RiskBandOverridesEntity = new EntitySchema<RiskBandOverridesRow>({
  name: 'risk_band_overrides',
  tableName: 'risk_band_overrides',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    assessment_id: { type: 'uuid', nullable: false },
    band: { type: 'text', nullable: false },
    rationale: { type: 'text', nullable: false },
    approval_id: { type: 'uuid', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
  },
});
