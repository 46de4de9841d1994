import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiClient } from './api-client.js';

interface Preview {
  current: { name: string; entries: number } | null;
  proposed: { entries: number; sha256: string };
  counts: { added: number; removed: number; changed: number; unchanged: number };
  added: Array<{ entNum: number; name: string }>;
}

/**
 * The admin's sanctions list preview (the console's Sanctions lists page): the bundled list plus one
 * fictional entry, previewed against the active list. Nothing is loaded: the preview writes nothing.
 */
export async function runSanctionsPreviewDemo(
  api: ApiClient,
  users: Array<[string, string]>,
  projectRoot: string,
  say: (line: string) => void,
): Promise<void> {
  const token = users.find(([role]) => role === 'admin')?.[1];
  if (!token) throw new Error('the demo has no admin session');
  const dir = join(projectRoot, 'config', 'reference', 'sanctions');
  const sdnCsv = `${readFileSync(join(dir, 'sdn.csv'), 'utf8').trimEnd()}\n9999,"NORTE ANDINO METALS TRADING FZE","-0-","DEMO-9","-0-","-0-","-0-","-0-","-0-","-0-","-0-","fictional entry for the demo."\n`;
  const altCsv = readFileSync(join(dir, 'alt.csv'), 'utf8');
  const preview = await api.call<Preview>('POST', '/api/v1/admin/reference/sanctions-lists/preview', {
    token,
    body: { name: 'OFAC SDN (demo update)', sdnCsv, altCsv },
  });
  say('\nSanctions list preview (admin, nothing loaded):');
  say(
    `  active ${preview.current ? `${preview.current.name}, ${preview.current.entries} entries` : 'none'} → proposed ${preview.proposed.entries} entries: ` +
      `${preview.counts.added} added, ${preview.counts.removed} removed, ${preview.counts.changed} changed, ${preview.counts.unchanged} unchanged`,
  );
  for (const entry of preview.added) say(`  + ${entry.entNum} ${entry.name}`);
}
