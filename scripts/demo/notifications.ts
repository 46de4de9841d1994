import { type ApiClient } from './api-client.js';

const say = (line = '') => process.stdout.write(`${line}\n`);

/** Issue 17 in the demo: the inbox of each role at the end (what awaits them now, and what they were told). */
export async function runNotificationsDemo(api: ApiClient, users: [string, string][]): Promise<void> {
  say('Inboxes at the end (docs/notifications.md)');
  // The worker's dispatcher turns the audit trail into inbox items within a poll interval: wait until it caught up.
  await api.waitFor('the notification dispatcher', async () => {
    const probe = await api.call<any>('GET', '/api/v1/me/inbox?status=all&limit=1', { token: users[0][1] });
    return probe ? true : undefined;
  });
  for (const [role, token] of users) {
    const open = await api.call<any>('GET', '/api/v1/me/inbox?limit=100', { token });
    const all = await api.call<any>('GET', '/api/v1/me/inbox?status=all&limit=100', { token });
    const kinds = new Map<string, number>();
    for (const item of all.items) kinds.set(item.template, (kinds.get(item.template) ?? 0) + 1);
    const summary = [...kinds.entries()].map(([template, n]) => `${template} ×${n}`).join(', ') || 'nothing';
    say(
      `  ${role.padEnd(10)} ${String(open.items.length).padStart(3)} open, ${String(all.unread).padStart(3)} unread; received: ${summary}`,
    );
  }
  say('');
}
