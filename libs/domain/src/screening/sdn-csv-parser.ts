import { CsvError, parse } from 'csv-parse/sync';
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
const EOF_MARKER = '\x1a';
const LINE_BREAK = /\r\n|\r|\n/g;

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

const lineBreaks = (value: string): number => value.match(LINE_BREAK)?.length ?? 0;

/** The first line after `afterLine` that holds something (where a record that failed begins). */
function firstContentLineAfter(text: string, afterLine: number): number {
  const lines = text.split(LINE_BREAK);
  for (let i = afterLine; i < lines.length; i++) if (lines[i]!.trim() !== '') return i + 1;
  return afterLine + 1;
}

/** The messages of csv-parse's structural errors, in the words the parser always used. */
const CSV_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field',
  INVALID_OPENING_QUOTE: 'quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected character after a closing quote',
};

/**
 * RFC 4180 records through `csv-parse` (sync API): quoted fields may contain commas, doubled
 * quotes and line breaks; records end at CRLF, LF or a lone CR (even mixed in one file); blank
 * lines and a final line holding only the DOS end-of-file marker (`\x1A`, present in OFAC's
 * files) are skipped; a BOM is dropped. Blanks around fields and inside quoted values are trimmed
 * (OFAC writes `-0- ` with a trailing space). Field counts are checked by the caller, so several
 * such problems are reported at once; a structural error (a stray or unclosed quote) ends the
 * file, since what follows cannot be read reliably: it names the line of the stray character, or
 * for a quote never closed the line where that record begins (csv-parse reports the end of file).
 */
function readCsv(text: string, file: string, field: string, problems: ProblemCollector): CsvRecord[] {
  const records: CsvRecord[] = [];
  let lastLine = 0; // the line the last good record ended on
  try {
    parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // Collected here rather than from the return value, so the records before an error count.
      on_record: (record: string[], context: { lines: number }) => {
        // `lines` is where the record ends; line breaks inside quoted values move its start up.
        const start = context.lines - record.reduce((n, value) => n + lineBreaks(value), 0);
        lastLine = context.lines;
        const fields = record.map((value) => value.trim());
        if (!(fields.length === 1 && (fields[0] === '' || fields[0] === EOF_MARKER))) {
          records.push({ line: start, fields });
        }
        return null; // nothing to keep in csv-parse's own result
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? firstContentLineAfter(text, lastLine) // csv-parse names the end of the file here
        : typeof error['lines'] === 'number'
          ? error['lines']
          : lastLine + 1;
    problems.add(file, field, line, CSV_ERROR_MESSAGES[error.code] ?? error.message);
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
