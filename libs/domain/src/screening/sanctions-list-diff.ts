import { canonicalJson } from '../canonical/canonical-json.js';
import { type SdnEntry } from './sdn-csv-parser.js';

/** One list entry as a preview shows it: enough for an admin to recognise it. */
export interface SanctionsEntrySummary {
  entNum: number;
  name: string;
  type: SdnEntry['type'];
  programs: string[];
}

/** What loading `next` in place of `current` would change, entry by entry (keyed by `ent_num`). */
export interface SanctionsListDiff {
  added: SanctionsEntrySummary[];
  removed: SanctionsEntrySummary[];
  /** Same `ent_num`, different content (name, programs, aliases, remarks…): shown as they will be. */
  changed: SanctionsEntrySummary[];
  unchanged: number;
}

function summary(entry: SdnEntry): SanctionsEntrySummary {
  return { entNum: entry.entNum, name: entry.name, type: entry.type, programs: [...entry.programs] };
}

/**
 * The change a new sanctions list makes to the active one (`current` null: none loaded yet, every entry is
 * added). Entries are matched by `ent_num`, OFAC's stable identifier; each list is sorted by it.
 */
export function diffSanctionsLists(
  current: readonly SdnEntry[] | null,
  next: readonly SdnEntry[],
): SanctionsListDiff {
  const before = new Map((current ?? []).map((entry) => [entry.entNum, entry]));
  const after = new Map(next.map((entry) => [entry.entNum, entry]));
  const added: SanctionsEntrySummary[] = [];
  const changed: SanctionsEntrySummary[] = [];
  let unchanged = 0;
  for (const entry of after.values()) {
    const old = before.get(entry.entNum);
    if (!old) added.push(summary(entry));
    else if (canonicalJson(old) !== canonicalJson(entry)) changed.push(summary(entry));
    else unchanged += 1;
  }
  const removed = [...before.values()].filter((entry) => !after.has(entry.entNum)).map(summary);
  const byNum = (a: SanctionsEntrySummary, b: SanctionsEntrySummary) => a.entNum - b.entNum;
  return { added: added.sort(byNum), removed: removed.sort(byNum), changed: changed.sort(byNum), unchanged };
}
