import { describe, expect, it } from '@jest/globals';
import { canonicalHash } from '../canonical/canonical-json.js';
import { FORGE_PP_1_0_0 } from './forge-pp-1-0-0.params.js';
import {
  compareVersions,
  definePortfolioPolicy,
  parsePortfolioPolicy,
  policyRef,
  portfolioPolicyHash,
  validatePortfolioPolicy,
} from './portfolio-policy.define.js';
import {
  builtInPortfolioPolicy,
  DEFAULT_PORTFOLIO_POLICY,
  PORTFOLIO_POLICIES,
} from './portfolio-policy.registry.js';

/** A proposal as an admin would send it (plain JSON), changed by `edit`. */
function proposal(edit: (p: any) => void = () => {}): any {
  const copy = JSON.parse(JSON.stringify(FORGE_PP_1_0_0));
  copy.version = '1.1.0';
  edit(copy);
  return copy;
}

describe('FORGE-PP 1.0.0', () => {
  it('holds the limits of portfolio.md', () => {
    expect(
      FORGE_PP_1_0_0.limits.map((l) => [l.code, l.dimension, l.group, l.bound, l.bp, l.base, l.blocking]),
    ).toEqual([
      ['COUNTRY', 'country', null, 'max', 2500, 'envelope', true],
      ['MINERAL', 'mineral', null, 'max', 3500, 'envelope', true],
      ['OBLIGOR', 'obligor', null, 'max', 500, 'envelope', true],
      ['RISK_CAPITAL', 'instrument', ['equity', 'first_loss'], 'max', 2000, 'envelope', true],
      ['PROCESSING_TARGET', 'segment', ['processing', 'refining', 'recycling'], 'min', 4000, 'book', false],
    ]);
  });
  it('is frozen and registered as the default', () => {
    expect(Object.isFrozen(FORGE_PP_1_0_0.limits[0])).toBe(true);
    expect(DEFAULT_PORTFOLIO_POLICY).toBe(FORGE_PP_1_0_0);
    expect(PORTFOLIO_POLICIES.map((p) => `${p.policy} ${p.version}`)).toEqual(['FORGE-PP 1.0.0']);
    expect(builtInPortfolioPolicy('1.0.0')).toBe(FORGE_PP_1_0_0);
    expect(() => builtInPortfolioPolicy('9.9.9')).toThrow(
      expect.objectContaining({ code: 'PORTFOLIO.UNKNOWN_POLICY' }),
    );
  });
  it('has a pinned hash: any change to the parameters is a new version', () => {
    const hash = portfolioPolicyHash(FORGE_PP_1_0_0);
    expect(hash).toBe(canonicalHash(FORGE_PP_1_0_0));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe('e3dc3d418d9d832a8416fc15109c8a3e99667175cfe1b8f10e726feb8e12c354');
    expect(policyRef(FORGE_PP_1_0_0)).toEqual({ policy: 'FORGE-PP', version: '1.0.0', hash });
  });
});

describe('validatePortfolioPolicy', () => {
  it('accepts the built-in policy and a well-formed proposal', () => {
    expect(validatePortfolioPolicy(FORGE_PP_1_0_0)).toEqual([]);
    expect(validatePortfolioPolicy(proposal())).toEqual([]);
  });
  it.each([
    ['not an object', () => 'FORGE-PP', 'policy'],
    ['unknown top-level field', (p: any) => (p.active = true), 'active'],
    ['bad name', (p: any) => (p.policy = 'forge pp'), 'policy'],
    ['bad version', (p: any) => (p.version = '1.1'), 'version'],
    ['no limits', (p: any) => (p.limits = []), 'limits'],
    ['unknown limit field', (p: any) => (p.limits[0].weight = 1), 'limits[0].weight'],
    ['lower-case code', (p: any) => (p.limits[0].code = 'country'), 'limits[0].code'],
    ['duplicate code', (p: any) => (p.limits[1].code = 'COUNTRY'), 'limits[1].code'],
    ['empty name', (p: any) => (p.limits[0].name = ' '), 'limits[0].name'],
    ['unknown dimension', (p: any) => (p.limits[0].dimension = 'region'), 'limits[0].dimension'],
    ['empty group', (p: any) => (p.limits[3].group = []), 'limits[3].group'],
    [
      'group of an unknown instrument',
      (p: any) => (p.limits[3].group = ['equity', 'grant']),
      'limits[3].group',
    ],
    ['grouped obligors', (p: any) => ((p.limits[2].group = ['org-1']), 0), 'limits[2].group'],
    ['duplicate group member', (p: any) => (p.limits[3].group = ['equity', 'equity']), 'limits[3].group'],
    ['bad bound', (p: any) => (p.limits[0].bound = 'at_most'), 'limits[0].bound'],
    ['fractional bp', (p: any) => (p.limits[0].bp = 2500.5), 'limits[0].bp'],
    ['bp over 100%', (p: any) => (p.limits[0].bp = 10001), 'limits[0].bp'],
    ['zero bp', (p: any) => (p.limits[0].bp = 0), 'limits[0].bp'],
    ['bad base', (p: any) => (p.limits[0].base = 'capital'), 'limits[0].base'],
    ['a blocking minimum', (p: any) => (p.limits[4].blocking = true), 'limits[4].blocking'],
  ])('reports %s', (_name, edit, field) => {
    const value =
      typeof edit === 'function' && edit.length === 0
        ? (edit as () => unknown)()
        : proposal(edit as (p: any) => void);
    const problems = validatePortfolioPolicy(value);
    expect(problems.map((p) => p.field)).toContain(field);
  });
});

describe('parsePortfolioPolicy and definePortfolioPolicy', () => {
  it('rebuilds a proposal field by field and freezes it', () => {
    const parsed = parsePortfolioPolicy(proposal((p) => (p.limits[0].bp = 2000)));
    expect(parsed.limits[0]?.bp).toBe(2000);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(portfolioPolicyHash(parsed)).not.toBe(portfolioPolicyHash(FORGE_PP_1_0_0));
  });
  it('hashes the same content the same whatever the key order', () => {
    const reordered = proposal();
    const limit = reordered.limits[0];
    reordered.limits[0] = Object.fromEntries(Object.entries(limit).reverse());
    expect(portfolioPolicyHash(parsePortfolioPolicy(reordered))).toBe(
      portfolioPolicyHash(parsePortfolioPolicy(proposal())),
    );
  });
  it('refuses an invalid one with a coded error listing every problem', () => {
    let error: any;
    try {
      parsePortfolioPolicy(proposal((p) => ((p.version = 'x'), (p.limits[0].bp = -1))));
    } catch (caught) {
      error = caught;
    }
    expect(error.code).toBe('PORTFOLIO.INVALID_POLICY');
    expect(error.details.map((d: any) => d.field)).toEqual(['version', 'limits[0].bp']);
    expect(() => definePortfolioPolicy(proposal((p) => (p.limits = [])))).toThrow(
      expect.objectContaining({ code: 'PORTFOLIO.INVALID_POLICY' }),
    );
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.10.0', '1.9.0', 1],
    ['1.0.1', '1.1.0', -1],
    ['2.0.0', '10.0.0', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
