import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError } from '../errors/domain-error.js';
import { parseSdnCsv, sanctionsListSha256 } from './sdn-csv-parser.js';

const sample = (file: string): string =>
  readFileSync(resolve(process.cwd(), 'config/reference/sanctions', file), 'utf8');

const row = (ent: number | string, name: string, type = '-0-', program = 'DEMO', remarks = '-0-'): string =>
  `${ent},"${name}","${type}","${program}","-0-","-0-","-0-","-0-","-0-","-0-","-0-","${remarks}"`;

function malformed(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) {
      expect(e.code).toBe('SANCTIONS.MALFORMED_LIST');
      return e;
    }
    throw e;
  }
  throw new Error('expected SANCTIONS.MALFORMED_LIST');
}

describe('parseSdnCsv', () => {
  it('parses the shipped sample list with aliases', () => {
    const entries = parseSdnCsv(sample('sdn.csv'), sample('alt.csv'));
    expect(entries).toHaveLength(15);
    expect(entries[0]).toEqual({
      entNum: 9001,
      name: 'KRASNOV-ARDILES, Ignacio Tadeo',
      type: 'individual',
      programs: ['DEMO-1'],
      title: null,
      remarks: 'DOB 12 Mar 1968; nationality Argentina; fictional entry for testing.',
      aliases: [{ altNum: 104, type: 'aka', name: 'KRASNOV, Ignacio', remarks: null }],
    });
    expect(entries[1]!.type).toBe('entity');
    const qal = entries.find((e) => e.entNum === 9005)!;
    expect(qal.aliases.map((a) => [a.type, a.name])).toEqual([
      ['aka', 'QUANTUM ANDES LOGISTICA'],
      ['fka', 'QAL TRANSPORTES S.A.'],
    ]);
  });

  it('reads quoted commas, doubled quotes, -0- (with OFAC trailing space), CRLF and the EOF marker', () => {
    const sdn =
      `36,"AEROCARIBBEAN AIRLINES","-0- ","CUBA","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ","Havana, Cuba."\r\n` +
      `173,"ANGLO-CARIBBEAN CO., LTD.","-0- ","SDGT] [IRGC","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ","a.k.a. ""THE ANGLO"""\r\n` +
      `306,"BANCO NACIONAL DE CUBA","-0- ","CUBA","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ",-0- \r\n` +
      '\x1a';
    const entries = parseSdnCsv(sdn, `173,1,"aka","AN ""ALIAS"", WITH COMMA","-0-"\n`);
    expect(entries.map((e) => e.entNum)).toEqual([36, 173, 306]);
    expect(entries[0]!.remarks).toBe('Havana, Cuba.');
    expect(entries[0]!.type).toBe('entity');
    expect(entries[1]!.name).toBe('ANGLO-CARIBBEAN CO., LTD.');
    expect(entries[1]!.programs).toEqual(['SDGT', 'IRGC']);
    expect(entries[1]!.remarks).toBe('a.k.a. "THE ANGLO"');
    expect(entries[1]!.aliases[0]!.name).toBe('AN "ALIAS", WITH COMMA');
    expect(entries[2]!.remarks).toBeNull();
    expect(entries[2]!.title).toBeNull();
  });

  it('accepts LF, a missing final newline, blank lines and a quoted field spanning lines', () => {
    const sdn = `${row(1, 'ONE')}\n\n${row(2, 'TWO', 'individual', 'X', 'line one\nline two')}\n${row(3, 'THREE')}`;
    const entries = parseSdnCsv(sdn);
    expect(entries.map((e) => e.entNum)).toEqual([1, 2, 3]);
    expect(entries[1]!.remarks).toBe('line one\nline two');
  });

  it('reads CRLF, LF and a lone CR mixed in one file, and drops a BOM', () => {
    const sdn = `\ufeff${row(1, 'ONE')}\r\n${row(2, 'TWO')}\r${row(3, 'THREE')}\n`;
    expect(parseSdnCsv(sdn).map((e) => [e.entNum, e.name])).toEqual([
      [1, 'ONE'],
      [2, 'TWO'],
      [3, 'THREE'],
    ]);
  });

  it('names the line where a record spanning lines begins', () => {
    const sdn = `${row(1, 'ONE', 'individual', 'X', 'a\nb\nc')}\n2,"TWO\nSTILL TWO"\n`;
    const error = malformed(() => parseSdnCsv(sdn));
    expect(error.details[0]!.message).toBe('sdn.csv line 4: expected 12 fields, found 2');
  });

  it('names the line of a character after a closing quote, and reports earlier problems too', () => {
    const sdn = `1,"A"\n${row(2, 'TWO')}\n3,"THREE"x,\n`;
    const error = malformed(() => parseSdnCsv(sdn));
    // The structural error is found while reading, the field count when the records are checked.
    expect(error.details.map((d) => d.message)).toEqual([
      'sdn.csv line 3: unexpected character after a closing quote',
      'sdn.csv line 1: expected 12 fields, found 2',
    ]);
  });

  it('hashes the parsed content, not the bytes', () => {
    const lf = parseSdnCsv(`${row(1, 'ONE')}\n${row(2, 'TWO')}\n`);
    const crlf = parseSdnCsv(`${row(1, 'ONE')}\r\n${row(2, 'TWO')}\r\n\x1a`);
    expect(sanctionsListSha256(lf)).toBe(sanctionsListSha256(crlf));
    expect(sanctionsListSha256(lf)).not.toBe(sanctionsListSha256(parseSdnCsv(row(1, 'ONE'))));
  });

  it.each([
    [
      'wrong field count',
      `${row(1, 'ONE')}\n2,"TWO","-0-"\n`,
      undefined,
      'sdn.csv line 2: expected 12 fields, found 3',
    ],
    [
      'unterminated quote',
      `${row(1, 'ONE')}\n${row(2, 'TWO')}\n3,"THREE,-0-,x\n`,
      undefined,
      'sdn.csv line 3: unterminated quoted field',
    ],
    [
      'non-numeric ent_num',
      `${row(1, 'ONE')}\n${row('X2', 'TWO')}\n`,
      undefined,
      'sdn.csv line 2: ent_num "X2" is not a number',
    ],
    [
      'duplicate ent_num',
      `${row(1, 'ONE')}\r\n${row(1, 'AGAIN')}\r\n`,
      undefined,
      'sdn.csv line 2: duplicate ent_num 1 (first on line 1)',
    ],
    [
      'stray quote',
      `${row(1, 'ONE')}\n1"2,"A","-0-"\n`,
      undefined,
      'sdn.csv line 2: quote inside an unquoted field',
    ],
    [
      'unknown SDN_Type',
      `${row(1, 'ONE', 'spaceship')}\n`,
      undefined,
      'sdn.csv line 1: unknown SDN_Type "spaceship"',
    ],
    [
      'alias for an unknown ent_num',
      row(1, 'ONE'),
      `1,10,"aka","A","-0-"\n7,11,"aka","B","-0-"\n`,
      'alt.csv line 2: alias for unknown ent_num 7',
    ],
    [
      'alias with wrong field count',
      row(1, 'ONE'),
      `1,10,"aka","A"\n`,
      'alt.csv line 1: expected 5 fields, found 4',
    ],
    [
      'non-numeric alt_num',
      row(1, 'ONE'),
      `1,x,"aka","A","-0-"\n`,
      'alt.csv line 1: alt_num "x" is not a number',
    ],
  ])('rejects %s, naming file and line', (_label, sdn, alt, expected) => {
    const error = malformed(() => parseSdnCsv(sdn, alt));
    expect(error.message).toContain(expected);
    expect(error.details[0]!.message).toBe(expected);
    expect(error.details[0]!.field).toBe(expected.startsWith('alt') ? 'altCsv' : 'sdnCsv');
  });

  it('reports several problems at once and uses the given file names', () => {
    const error = malformed(() =>
      parseSdnCsv(`x,"A"\n${row(2, 'B')}\ny,"C"\n`, null, { sdnFileName: 'upload.csv' }),
    );
    expect(error.details.map((d) => d.message)).toEqual([
      'upload.csv line 1: expected 12 fields, found 2',
      'upload.csv line 3: expected 12 fields, found 2',
    ]);
    expect(error.message).toContain('(and 1 more problems)');
  });

  it('parses a full-size list (18,000 entries, 20,000 aliases) quickly and exactly', () => {
    const sdnLines: string[] = [];
    const altLines: string[] = [];
    let alt = 0;
    for (let i = 1; i <= 18000; i++) {
      const individual = i % 3 === 0;
      const name = individual ? `SURNAME${i}-DOE, Given ""Nick"" ${i}` : `COMPANY ${i} TRADING, S.A.`;
      sdnLines.push(
        row(10000 + i, name, individual ? 'individual' : '-0- ', 'SDGT] [IRAN', `Remark ${i}, with comma.`),
      );
      const aliases = i % 9 === 0 ? 3 : i % 9 === 1 ? 0 : 1; // 20,000 aliases in all
      for (let a = 0; a < aliases; a++)
        altLines.push(`${10000 + i},${++alt},"aka","ALIAS ${i}-${a}, LTD.","-0- "`);
    }
    const sdn = `${sdnLines.join('\r\n')}\r\n\x1a`;
    const altCsv = `${altLines.join('\r\n')}\r\n\x1a`;
    const started = performance.now();
    const entries = parseSdnCsv(sdn, altCsv);
    const elapsed = performance.now() - started;
    expect(entries).toHaveLength(18000);
    expect(entries.reduce((n, e) => n + e.aliases.length, 0)).toBe(alt);
    expect(alt).toBe(20000);
    expect(entries[2]!.name).toBe('SURNAME3-DOE, Given "Nick" 3');
    expect(entries[2]!.programs).toEqual(['SDGT', 'IRAN']);
    expect(elapsed).toBeLessThan(5000);
  });
});
