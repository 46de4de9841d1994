import type { OrganizationFact } from './cofinancing.js';
import { applicationMobilisation } from './mobilisation.js';
import {
  exposureUsd,
  forgeAmountUsd,
  forgeInstrument,
  inBook,
  type PortfolioApplicationFact,
} from './portfolio-facts.js';
import { roundHalfEven } from '../scoring/round-half-even.js';
import { formatPercent, shareBp } from './shares.js';

/** The columns of `GET /portfolio/exposures.csv`, in order. */
export const EXPOSURE_COLUMNS = [
  'reference',
  'stage',
  'country',
  'framework_country',
  'mineral',
  'segment',
  'instrument',
  'category',
  'forge_amount_usd',
  'exposure_usd',
  'share_of_envelope_pct',
  'el_gross_bp',
  'el_residual_bp',
  'el_gross_usd_per_year',
  'el_residual_usd_per_year',
  'risk_reduced_usd_per_year',
  'private_mobilisation_usd',
  'mobilisation_ratio',
] as const;
export type ExposureColumn = (typeof EXPOSURE_COLUMNS)[number];
export type ExposureRecord = Record<ExposureColumn, string | number | null>;

export interface ExposureRecordsArgs {
  facts: readonly PortfolioApplicationFact[];
  envelopeUsd: number;
  organizations: ReadonlyMap<string, OrganizationFact>;
  frameworkCountries: readonly string[];
}

/**
 * One record per committed or financed application (portfolio.md), ordered by reference. Money in
 * integer US dollars; each row's expected-loss dollars are rounded half-even on their own (the
 * view's totals are rounded once on the exact sums). `null` where there is no assessment.
 */
export function exposureRecords(args: ExposureRecordsArgs): ExposureRecord[] {
  return args.facts
    .filter(inBook)
    .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
    .map((fact): ExposureRecord => {
      const exposure = exposureUsd(fact);
      const el = fact.expectedLoss;
      const perYear = (bp: number): number => roundHalfEven(BigInt(exposure) * BigInt(bp), 10000n);
      const mobilisation = applicationMobilisation(fact, args.organizations);
      return {
        reference: fact.reference,
        stage: fact.stage,
        country: fact.country,
        framework_country: args.frameworkCountries.includes(fact.country) ? 'yes' : 'no',
        mineral: fact.mineral,
        segment: fact.valueChainSegment,
        instrument: forgeInstrument(fact),
        category: fact.category,
        forge_amount_usd: forgeAmountUsd(fact),
        exposure_usd: exposure,
        share_of_envelope_pct: formatPercent(shareBp(exposure, args.envelopeUsd)),
        el_gross_bp: el?.grossBp ?? null,
        el_residual_bp: el?.residualBp ?? null,
        el_gross_usd_per_year: el === null ? null : perYear(el.grossBp),
        el_residual_usd_per_year: el === null ? null : perYear(el.residualBp),
        risk_reduced_usd_per_year: el === null ? null : perYear(el.grossBp - el.residualBp),
        private_mobilisation_usd: mobilisation.privateDirectMobilisationUsd,
        mobilisation_ratio: formatPercent(mobilisation.ratioHundredths),
      };
    });
}
