import { definePortfolioPolicy } from './portfolio-policy.define.js';

/**
 * FORGE-PP 1.0.0 (portfolio.md "Concentration limits") as data. Any change to this object changes
 * its hash and is a new policy version: propose a new version (two admins), never edit this one.
 */
export const FORGE_PP_1_0_0 = definePortfolioPolicy({
  policy: 'FORGE-PP',
  version: '1.0.0',
  limits: [
    {
      code: 'COUNTRY',
      name: 'Single host country',
      dimension: 'country',
      group: null,
      bound: 'max',
      bp: 2500,
      base: 'envelope',
      blocking: true,
    },
    {
      code: 'MINERAL',
      name: 'Single mineral',
      dimension: 'mineral',
      group: null,
      bound: 'max',
      bp: 3500,
      base: 'envelope',
      blocking: true,
    },
    {
      code: 'OBLIGOR',
      name: 'Single obligor (sponsor organisation)',
      dimension: 'obligor',
      group: null,
      bound: 'max',
      bp: 500,
      base: 'envelope',
      blocking: true,
    },
    {
      code: 'RISK_CAPITAL',
      name: 'Risk capital (equity and first loss together)',
      dimension: 'instrument',
      group: ['equity', 'first_loss'],
      bound: 'max',
      bp: 2000,
      base: 'envelope',
      blocking: true,
    },
    {
      code: 'PROCESSING_TARGET',
      name: 'Local processing (processing, refining and recycling together)',
      dimension: 'segment',
      group: ['processing', 'refining', 'recycling'],
      bound: 'min',
      bp: 4000,
      base: 'book',
      blocking: false,
    },
  ],
});
