import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalHash } from '../canonical/canonical-json.js';
import { DomainError } from '../errors/domain-error.js';
import { findCountry, parseCountriesReference, parseMineralsReference } from './reference-data.js';

const load = (file: string): unknown =>
  JSON.parse(readFileSync(resolve(process.cwd(), 'config/reference', file), 'utf8'));

function codeAndMessage(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('countries reference', () => {
  it('parses the shipped file and hashes its canonical content', () => {
    const snap = parseCountriesReference(load('countries.json'));
    expect(snap.content.countries.length).toBe(40);
    expect(findCountry(snap.content, 'AR')).toEqual({
      code: 'AR',
      name: 'Argentina',
      oecdCrc: 7,
      eitiImplementing: true,
      fundEligible: true,
    });
    expect(findCountry(snap.content, 'AU')?.oecdCrc).toBeNull();
    expect(snap.sha256).toBe(canonicalHash(snap.content));
    expect(snap.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the key order', () => {
    const a = parseCountriesReference({
      version: '1',
      countries: [{ code: 'AR', name: 'Argentina', oecdCrc: 7, eitiImplementing: true, fundEligible: true }],
    });
    const b = parseCountriesReference({
      countries: [{ fundEligible: true, eitiImplementing: true, oecdCrc: 7, name: 'Argentina', code: 'AR' }],
      version: '1',
    });
    expect(a.sha256).toBe(b.sha256);
  });

  it('keeps the optional framework marker, and hashes as before without it', () => {
    const row = { code: 'CL', name: 'Chile', oecdCrc: 2, eitiImplementing: false, fundEligible: true };
    const marked = parseCountriesReference({ version: '1', countries: [{ ...row, forgeFramework: true }] });
    expect(marked.content.countries[0]?.forgeFramework).toBe(true);
    const plain = parseCountriesReference({ version: '1', countries: [row] });
    expect('forgeFramework' in (plain.content.countries[0] ?? {})).toBe(false);
    expect(plain.sha256).toBe(canonicalHash({ version: '1', countries: [row] }));
  });

  it.each([
    ['not an object', [], 'must be a JSON object'],
    ['no version', { countries: [] }, 'version'],
    [
      'lower-case code',
      {
        version: '1',
        countries: [{ code: 'ar', name: 'A', oecdCrc: 1, eitiImplementing: true, fundEligible: true }],
      },
      'countries[0].code',
    ],
    [
      'misspelt field',
      {
        version: '1',
        countries: [{ code: 'AR', name: 'A', oecdCrc: 1, eitiImplementing: true, fundEligble: true }],
      },
      'unknown field "fundEligble"',
    ],
    [
      'oecdCrc out of range',
      {
        version: '1',
        countries: [{ code: 'AR', name: 'A', oecdCrc: 8, eitiImplementing: true, fundEligible: true }],
      },
      'oecdCrc',
    ],
    [
      'duplicate code',
      {
        version: '1',
        countries: [
          { code: 'AR', name: 'A', oecdCrc: 1, eitiImplementing: true, fundEligible: true },
          { code: 'AR', name: 'B', oecdCrc: 1, eitiImplementing: true, fundEligible: true },
        ],
      },
      'appears twice',
    ],
    [
      'a framework marker that is not a boolean',
      {
        version: '1',
        countries: [
          {
            code: 'AR',
            name: 'A',
            oecdCrc: 1,
            eitiImplementing: true,
            fundEligible: true,
            forgeFramework: 'yes',
          },
        ],
      },
      'forgeFramework must be a boolean',
    ],
  ])('rejects %s', (_label, json, fragment) => {
    const { code, message } = codeAndMessage(() => parseCountriesReference(json));
    expect(code).toBe('REFERENCE.INVALID');
    expect(message).toContain(fragment);
  });
});

describe('minerals reference', () => {
  it('parses the shipped file', () => {
    const snap = parseMineralsReference(load('minerals.json'));
    expect(snap.content.minerals).toContain('rare_earths');
    expect(snap.content.minerals.length).toBe(17);
    expect(snap.sha256).toBe(canonicalHash(snap.content));
  });

  it.each([
    ['empty list', { version: '1', minerals: [] }, 'non-empty'],
    ['upper case', { version: '1', minerals: ['Lithium'] }, 'minerals[0]'],
    ['duplicate', { version: '1', minerals: ['tin', 'tin'] }, 'appears twice'],
    ['unknown top-level field', { version: '1', minerals: ['tin'], extra: 1 }, 'unknown top-level field'],
  ])('rejects %s', (_label, json, fragment) => {
    const { code, message } = codeAndMessage(() => parseMineralsReference(json));
    expect(code).toBe('REFERENCE.INVALID');
    expect(message).toContain(fragment);
  });
});
