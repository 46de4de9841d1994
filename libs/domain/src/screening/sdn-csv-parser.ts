import { canonicalHash } from '../canonical/canonical-json.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';

/** `SDN_Type` of the legacy layout; `-0-` (empty) means an entity. */
export type SdnEntryType = 'individual' | 'entity' | 'vessel' | 'aircraft';

export interface SdnAlias {
  altNum: number;
  /** `aka`, `fka`, `nka` (as written, lower case). */
  type: string;
  name: string;
  remarks: string | null;
}

export interface SdnEntry {
  entNum: number;
  /** `SDN_Name` as written (`LAST, First Middle` for individuals). */
  name: string;
  type: SdnEntryType;
  /** `Program` split on `] [` (`"SDGT] [IRGC"` → `['SDGT', 'IRGC']`). */
  programs: string[];
  title: string | null;
  remarks: string | null;
  aliases: SdnAlias[];
}

export interface SdnParseOptions {
  /** File names used in error messages; default `sdn.csv` and `alt.csv`. */
  sdnFileName?: string;
  altFileName?: string;
  /** Stop collecting problems after this many (default 20). */
  maxProblems?: number;
}

const SDN_FIELDS = 12;
const ALT_FIELDS = 5;
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const EOF_MARKER = '\x1a';

interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: string[];
}

class ProblemCollector {
  readonly problems: DomainErrorDetail[] = [];
  constructor(private readonly max: number) {}

  add(file: string, field: string, line: number, message: string): void {
    this.problems.push({ field, message: `${file} line ${line}: ${message}` });
    if (this.problems.length >= this.max) this.throwIfAny();
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const more = this.problems.length > 1 ? ` (and ${this.problems.length - 1} more problems)` : '';
    throw new DomainError(
      'SANCTIONS.MALFORMED_LIST',
      `malformed sanctions list: ${this.problems[0]!.message}${more}`,
      this.problems,
    );
  }
}

/**
 * A single pass over RFC 4180-style CSV: quoted fields may contain commas, doubled quotes and
 * line breaks; records end at CRLF, LF or a lone CR. Blank lines and a final line holding only
 * the DOS end-of-file marker (`\x1A`, present in OFAC's files) are skipped. Unquoted fields and
 * the content of quoted ones are trimmed (OFAC writes `-0- ` with a trailing space).
 */
function readCsv(text: string, file: string, field: string, problems: ProblemCollector): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let bad = false;
    // One record.
    for (;;) {
      // One field, starting at i.
      let c = i < n ? text.charCodeAt(i) : -1;
      while (c === 0x20 || c === 0x09) c = ++i < n ? text.charCodeAt(i) : -1; // leading blanks
      if (c === QUOTE) {
        let value = '';
        let from = ++i;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          if (q < 0) break;
          // count line breaks inside the quoted part for line numbering
          for (let k = text.indexOf('\n', i); k >= 0 && k < q; k = text.indexOf('\n', k + 1)) line++;
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          problems.add(file, field, startLine, 'unterminated quoted field');
          return records; // the rest of the file cannot be read reliably
        }
        fields.push(value.trim());
        c = i < n ? text.charCodeAt(i) : -1;
        while (c === 0x20 || c === 0x09) c = ++i < n ? text.charCodeAt(i) : -1;
        if (c !== COMMA && c !== CR && c !== LF && c !== -1) {
          if (!bad) problems.add(file, field, startLine, 'unexpected character after a closing quote');
          bad = true;
          // skip to the next separator
          while (i < n && (c = text.charCodeAt(i)) !== COMMA && c !== CR && c !== LF) i++;
          c = i < n ? c : -1;
        }
      } else {
        const from = i;
        while (c !== COMMA && c !== CR && c !== LF && c !== -1) {
          if (c === QUOTE && !bad) {
            problems.add(file, field, startLine, 'quote inside an unquoted field');
            bad = true;
          }
          c = ++i < n ? text.charCodeAt(i) : -1;
        }
        fields.push(text.slice(from, i).trim());
      }
      if (c === COMMA) {
        i++;
        continue;
      }
      // end of record
      if (c === CR) i += i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      line++;
      break;
    }
    if (bad) continue;
    if (fields.length === 1 && (fields[0] === '' || fields[0] === EOF_MARKER)) continue;
    records.push({ line: startLine, fields });
  }
  return records;
}

const empty = (value: string): string | null => (value === '' || value === '-0-' ? null : value);

const ENT_NUM = /^[0-9]{1,10}$/;

function parseType(raw: string): SdnEntryType | undefined {
  const value = empty(raw);
  if (value === null) return 'entity';
  const lower = value.toLowerCase();
  return lower === 'individual' || lower === 'vessel' || lower === 'aircraft' ? lower : undefined;
}

function parsePrograms(raw: string): string[] {
  const value = empty(raw);
  if (value === null) return [];
  return value
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter((p) => p !== '');
}

/**
 * Parses the OFAC SDN legacy CSV layout: `sdn.csv` (12 fields: ent_num, SDN_Name, SDN_Type,
 * Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks) and
 * optionally `alt.csv` (5 fields: ent_num, alt_num, alt_type, alt_name, alt_remarks), no header,
 * `-0-` for empty. Entries come back in file order with their aliases attached.
 *
 * Throws `SANCTIONS.MALFORMED_LIST` on a wrong field count, an unterminated or stray quote, a
 * non-numeric ent_num or alt_num, an empty name, an unknown SDN_Type, a duplicate ent_num, or
 * an alias for an unknown ent_num; the message and each detail name the file and line.
 */
export function parseSdnCsv(
  sdnCsv: string,
  altCsv?: string | null,
  options: SdnParseOptions = {},
): SdnEntry[] {
  const sdnFile = options.sdnFileName ?? 'sdn.csv';
  const altFile = options.altFileName ?? 'alt.csv';
  const problems = new ProblemCollector(options.maxProblems ?? 20);
  const entries: SdnEntry[] = [];
  const byNum = new Map<number, SdnEntry>();
  const firstLine = new Map<number, number>();

  for (const { line, fields } of readCsv(sdnCsv, sdnFile, 'sdnCsv', problems)) {
    if (fields.length !== SDN_FIELDS) {
      problems.add(sdnFile, 'sdnCsv', line, `expected ${SDN_FIELDS} fields, found ${fields.length}`);
      continue;
    }
    const [entRaw, name, typeRaw, program, title, , , , , , , remarks] = fields as [string, ...string[]];
    if (!ENT_NUM.test(entRaw)) {
      problems.add(sdnFile, 'sdnCsv', line, `ent_num "${entRaw}" is not a number`);
      continue;
    }
    const entNum = Number(entRaw);
    const type = parseType(typeRaw!);
    if (type === undefined) {
      problems.add(sdnFile, 'sdnCsv', line, `unknown SDN_Type "${typeRaw}"`);
      continue;
    }
    if (empty(name!) === null) {
      problems.add(sdnFile, 'sdnCsv', line, `ent_num ${entNum} has no SDN_Name`);
      continue;
    }
    const seenAt = firstLine.get(entNum);
    if (seenAt !== undefined) {
      problems.add(sdnFile, 'sdnCsv', line, `duplicate ent_num ${entNum} (first on line ${seenAt})`);
      continue;
    }
    firstLine.set(entNum, line);
    const entry: SdnEntry = {
      entNum,
      name: name!,
      type,
      programs: parsePrograms(program!),
      title: empty(title!),
      remarks: empty(remarks!),
      aliases: [],
    };
    entries.push(entry);
    byNum.set(entNum, entry);
  }

  if (altCsv !== undefined && altCsv !== null) {
    for (const { line, fields } of readCsv(altCsv, altFile, 'altCsv', problems)) {
      if (fields.length !== ALT_FIELDS) {
        problems.add(altFile, 'altCsv', line, `expected ${ALT_FIELDS} fields, found ${fields.length}`);
        continue;
      }
      const [entRaw, altRaw, altType, altName, altRemarks] = fields as [
        string,
        string,
        string,
        string,
        string,
      ];
      if (!ENT_NUM.test(entRaw)) {
        problems.add(altFile, 'altCsv', line, `ent_num "${entRaw}" is not a number`);
        continue;
      }
      if (!ENT_NUM.test(altRaw)) {
        problems.add(altFile, 'altCsv', line, `alt_num "${altRaw}" is not a number`);
        continue;
      }
      const entry = byNum.get(Number(entRaw));
      if (entry === undefined) {
        if (!firstLine.has(Number(entRaw))) {
          problems.add(altFile, 'altCsv', line, `alias for unknown ent_num ${entRaw}`);
        }
        continue;
      }
      if (empty(altName) === null) {
        problems.add(altFile, 'altCsv', line, `alias ${altRaw} has no alt_name`);
        continue;
      }
      entry.aliases.push({
        altNum: Number(altRaw),
        type: (empty(altType) ?? 'aka').toLowerCase(),
        name: altName,
        remarks: empty(altRemarks),
      });
    }
  }

  problems.throwIfAny();
  return entries;
}

/**
 * SHA-256 of the canonical (RFC 8785) JSON of the parsed entries: the list snapshot's hash,
 * insensitive to line endings, quoting and the EOF marker of the files it came from.
 */
export function sanctionsListSha256(entries: readonly SdnEntry[]): string {
  return canonicalHash(entries);
}
