import { type ApiClient } from './api-client.js';

/** The series docs/operations.md shows: what an operator reads first. */
const SHOWN = [
  /^forge_http_requests_total\{method="POST",route="\/api\/v1\/applications\/:id\/transitions"/,
  /^forge_queue_job_processing_seconds_count\{/,
  /^forge_queue_jobs\{queue="screening"/,
  /^forge_outbox_lag_seconds /,
  /^forge_audit_events_unsigned /,
  /^forge_audit_checkpoint_age_seconds /,
  /^forge_db_pool_connections\{/,
];

/** Issue 19: the metrics an operator scrapes, read once as the admin at the end of the run. */
export async function runOperationsDemo(
  client: ApiClient,
  adminToken: string,
  say: (line: string) => void,
): Promise<void> {
  const text = await client.call<string>('GET', '/metrics', { token: adminToken });
  const lines = String(text)
    .split('\n')
    .filter((line) => SHOWN.some((pattern) => pattern.test(line)));
  say('\nMetrics (GET /metrics as the admin; docs/operations.md)');
  for (const line of lines) say(`  ${line}`);
}
