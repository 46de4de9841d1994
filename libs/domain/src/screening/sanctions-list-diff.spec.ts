import { diffSanctionsLists } from './sanctions-list-diff.js';
import { type SdnEntry } from './sdn-csv-parser.js';

const entry = (entNum: number, name: string, programs = ['SDGT']): SdnEntry => ({
  entNum,
  name,
  type: 'entity',
  programs,
  title: null,
  remarks: null,
  aliases: [],
});

describe('diffSanctionsLists', () => {
  it('matches entries by ent_num: added, removed, changed and unchanged', () => {
    const current = [entry(1, 'ALPHA MINING'), entry(2, 'BETA TRADING'), entry(3, 'GAMMA METALS')];
    const next = [entry(3, 'GAMMA METALS', ['SDGT', 'IRGC']), entry(1, 'ALPHA MINING'), entry(7, 'DELTA')];
    expect(diffSanctionsLists(current, next)).toEqual({
      added: [{ entNum: 7, name: 'DELTA', type: 'entity', programs: ['SDGT'] }],
      removed: [{ entNum: 2, name: 'BETA TRADING', type: 'entity', programs: ['SDGT'] }],
      changed: [{ entNum: 3, name: 'GAMMA METALS', type: 'entity', programs: ['SDGT', 'IRGC'] }],
      unchanged: 1,
    });
  });

  it('with no active list, every entry is added', () => {
    const diff = diffSanctionsLists(null, [entry(2, 'B'), entry(1, 'A')]);
    expect(diff.added.map((e) => e.entNum)).toEqual([1, 2]);
    expect(diff.removed).toEqual([]);
    expect(diff.unchanged).toBe(0);
  });

  it('an alias added is a change', () => {
    const withAlias = {
      ...entry(5, 'EPSILON'),
      aliases: [{ altNum: 9, type: 'aka', name: 'EPS', remarks: null }],
    };
    expect(diffSanctionsLists([entry(5, 'EPSILON')], [withAlias]).changed).toHaveLength(1);
  });
});
