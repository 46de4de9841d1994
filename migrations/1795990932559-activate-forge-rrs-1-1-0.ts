import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { FORGE_RRS_1_0_0, FORGE_RRS_1_1_0, paramsHash, type ScoringModelParams } from '@forge/domain';

/**
 * The parameter hashes this migration registers, frozen here: the domain's model constants are never edited (a
 * change is a new version), and if one ever were, this migration refuses to register it instead of recording
 * different parameters under an old version.
 */
const FROZEN: ReadonlyArray<{ model: ScoringModelParams; hash: string }> = [
  { model: FORGE_RRS_1_0_0, hash: 'b6f9d8b99ffe6de03413d3573d9d3172d839a68910fb06995d937331498039f1' },
  { model: FORGE_RRS_1_1_0, hash: '39d533b70202ed2199dd4050bb4f1cd921a8025f404b99582a759228e0e87502' },
];

/**
 * Issue 13.7: FORGE-RRS 1.1.0 (credit only for evidenced mitigants) becomes the active model through the
 * registry's activation (scoring.md). Both versions are registered if missing (a fresh database), 1.1.0 is
 * made the one active row with `activated_at = now()`, and 1.0.0 stays registered: its assessments replay under
 * it. The registry lock (advisory 7205001) serialises this with a start-up registration.
 *
 * What the API's activation does besides (the `scoring.model_activated` audit event and the re-assessment of
 * open applications) uses today's audit writer and outbox, which a migration must not call (it has to do
 * tomorrow what it does today): the first start after this migration completes the activation
 * (`completeRegistryActivation`, docs/scoring.md).
 */
export class ActivateForgeRrs1101795990932559 implements MigrationInterface {
  name = 'ActivateForgeRrs1101795990932559';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(7205001)`);
    for (const { model, hash } of FROZEN) {
      const actual = paramsHash(model);
      if (actual !== hash) {
        throw new Error(
          `FORGE-RRS ${model.version}: its parameters hash ${actual}, not the registered ${hash}; a changed model is a new version`,
        );
      }
      await queryRunner.query(
        `INSERT INTO scoring_models (version, params, params_hash) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (version) DO NOTHING`,
        [model.version, JSON.stringify(model), hash],
      );
      const [stored]: Array<{ params_hash: string }> = await queryRunner.query(
        `SELECT params_hash FROM scoring_models WHERE version = $1`,
        [model.version],
      );
      if (stored?.params_hash.trim() !== hash) {
        throw new Error(`scoring_models ${model.version} holds other parameters (${stored?.params_hash})`);
      }
    }
    await queryRunner.query(`UPDATE scoring_models SET active = false WHERE active AND version <> '1.1.0'`);
    await queryRunner.query(
      `UPDATE scoring_models SET active = true, activated_at = CASE WHEN active THEN activated_at ELSE now() END
        WHERE version = '1.1.0'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to 1.0.0; 1.1.0 stays registered (its assessments, if any, reference it).
    await queryRunner.query(`SELECT pg_advisory_xact_lock(7205001)`);
    await queryRunner.query(`UPDATE scoring_models SET active = false WHERE active AND version <> '1.0.0'`);
    await queryRunner.query(
      `UPDATE scoring_models SET active = true, activated_at = CASE WHEN active THEN activated_at ELSE now() END
        WHERE version = '1.0.0'`,
    );
  }
}
