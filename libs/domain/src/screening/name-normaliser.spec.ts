import { jaroWinkler } from './jaro-winkler.js';
import { LEGAL_SUFFIXES, normaliseName } from './name-normaliser.js';

describe('normaliseName', () => {
  it('strips diacritics, upper-cases and compares individuals as token sets', () => {
    expect(normaliseName('García López, Ana', 'individual').key).toBe('ANA GARCIA LOPEZ');
    expect(normaliseName('ANA GARCIA LOPEZ', 'individual').key).toBe('ANA GARCIA LOPEZ');
    expect(normaliseName('Lopez Ana Garcia', 'individual').key).toBe('ANA GARCIA LOPEZ');
  });

  it('turns hyphens and punctuation into spaces and removes apostrophes', () => {
    expect(normaliseName('KRASNOV-ARDILES, Ignacio Tadeo', 'individual').tokens).toEqual([
      'ARDILES',
      'IGNACIO',
      'KRASNOV',
      'TADEO',
    ]);
    expect(normaliseName("O'Brien – Smith/Jones (UK)", 'individual').key).toBe('JONES OBRIEN SMITH UK');
  });

  it('folds letters NFKD leaves alone and compatibility forms', () => {
    expect(normaliseName('Straße Ørsted Łódź Æther', 'individual').key).toBe('AETHER LODZ ORSTED STRASSE');
    expect(normaliseName('ＡＢＣ Ｍｉｎｉｎｇ', 'entity').key).toBe('ABC MINING'); // full-width forms (NFKD)
  });

  it.each([
    ['Condor Gris Mineria S.A.C.', 'CONDOR GRIS MINERIA'],
    ['QAL Transportes S.A.', 'QAL TRANSPORTES'],
    ['Silverline Transshipment Co LLC', 'SILVERLINE TRANSSHIPMENT'],
    ['Terras Raras do Brasil Ltda', 'BRASIL DO RARAS TERRAS'],
    ['Ironveil Commodities GmbH', 'COMMODITIES IRONVEIL'],
    ['Northern Caspian Metals Trading FZE', 'CASPIAN METALS NORTHERN TRADING'],
    ['Minera Norte, S.A. de C.V.', 'MINERA NORTE'],
    ['Red Dune Resources plc', 'DUNE RED RESOURCES'],
    ['Steppe Falcon Holdings Limited', 'FALCON HOLDINGS STEPPE'],
    ['Acme B.V.', 'ACME'],
    ['Acme Inc.', 'ACME'],
  ])('drops the legal suffix of %s', (name, key) => {
    expect(normaliseName(name, 'entity').key).toBe(key);
  });

  it('keeps suffix-like tokens inside a name, never strips to nothing, and not for individuals', () => {
    expect(normaliseName('Co Holdings Ltd', 'entity').key).toBe('CO HOLDINGS');
    expect(normaliseName('LTD', 'entity').key).toBe('LTD');
    expect(normaliseName('Kim Sa', 'individual').key).toBe('KIM SA');
    expect(LEGAL_SUFFIXES).toContain('GMBH');
  });

  it('flags names with letters NFKD cannot transliterate instead of dropping them silently', () => {
    const cyrillic = normaliseName('Борис Железняк', 'individual');
    expect(cyrillic).toEqual({ tokens: [], key: '', nonLatin: true });
    const mixed = normaliseName('ООО Black Salar', 'entity');
    expect(mixed.nonLatin).toBe(true);
    expect(mixed.key).toBe('BLACK SALAR');
    expect(normaliseName('北京矿业', 'entity').nonLatin).toBe(true);
    expect(normaliseName('Zoë Ñúñez', 'individual').nonLatin).toBe(false);
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.9611],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.8133],
    ['JELLYFISH', 'SMELLYFISH', 0.8963],
    ['ABC', 'ABC', 1],
    ['ABC', 'XYZ', 0],
    ['', 'ABC', 0],
  ])('%s / %s = %d (published values)', (a, b, expected) => {
    expect(Math.round(jaroWinkler(a, b) * 10000) / 10000).toBe(expected);
    expect(jaroWinkler(b, a)).toBeCloseTo(jaroWinkler(a, b), 12);
  });
});
