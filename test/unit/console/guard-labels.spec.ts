import { PIPELINE_GUARDS, PORTFOLIO_GUARDS, POST_CLOSE_GUARDS } from '@forge/domain';
import en from '../../../apps/web/src/i18n/locales/en.js';
import es from '../../../apps/web/src/i18n/locales/es.js';
import ptBR from '../../../apps/web/src/i18n/locales/pt-BR.js';

/** Guards named by a refusal outside the guard tables (amendments, committee, disclosure, repayments). */
const OTHER_GUARDS = [
  'amendment.before_committee',
  'amendment.input_frozen',
  'committee.no_open_round',
  'disclosure.stage',
  'repayment.within_outstanding',
];

/**
 * console.md: unmet guards are listed in words, and codes "stay as codes with a translated label". Every guard the
 * domain can name in a 409 has a label in each language of the console (the key `guardLabel` looks up).
 */
describe('console guard labels', () => {
  const guards = [
    ...new Set([
      ...Object.values(PIPELINE_GUARDS),
      ...Object.values(PORTFOLIO_GUARDS),
      ...Object.values(POST_CLOSE_GUARDS),
      ...OTHER_GUARDS,
    ]),
  ].sort();

  it.each([
    ['en', en],
    ['es', es],
    ['pt-BR', ptBR],
  ])('%s labels every guard', (_language, catalogue) => {
    const labels = catalogue.guard as Record<string, string>;
    const missing = guards.filter((guard) => !labels[guard.replace(/\./g, '_')]?.trim());
    expect(missing).toEqual([]);
  });
});
