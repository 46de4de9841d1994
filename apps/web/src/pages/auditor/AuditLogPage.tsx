import { useState, type FormEvent } from 'react';
import { Anchor, Button, Code, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { AuditEvent, AuditEventPage } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../lib/format';
import { actionLabel } from '../../lib/labels';
import { ScrollTable } from '../../components/ScrollTable';

const FILTERS = ['action', 'actorId', 'applicationId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** A date field's day as the API's ISO-8601 bound (`from` the day's start, `to` the next day's start, UTC). */
function bound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00.000Z`);
  if (end) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/**
 * The whole decision trail (console.md, auditor): every event in seq order with its hash, filtered by
 * action, actor, application and time (the filters live in the address), a page at a time. Read-only.
 */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', applied],
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: AuditEventPage) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }): Promise<AuditEventPage> =>
      call(
        api.GET('/api/v1/audit/events', {
          params: {
            query: {
              action: applied.action || undefined,
              actorId: applied.actorId || undefined,
              applicationId: applied.applicationId || undefined,
              from: bound(applied.from, false),
              to: bound(applied.to, true),
              afterSeq: pageParam,
              limit: 100,
            },
          },
        }),
      ),
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (draft[name].trim()) next.set(name, draft[name].trim());
    setParams(next, { replace: true });
  };
  const field = (name: (typeof FILTERS)[number], label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={draft[name]}
      onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
      size="xs"
      miw={160}
      {...extra}
    />
  );
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader title={t('auditor.logTitle')} subtitle={t('auditor.readOnly')} />
      <Stack gap="sm">
        <form onSubmit={apply} aria-label={t('auditor.filters')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            {field('action', t('auditor.filterAction'), { placeholder: 'application.stage_changed' })}
            {field('actorId', t('auditor.filterActor'), { placeholder: t('auditor.filterActorHint') })}
            {field('applicationId', t('auditor.filterApplication'))}
            {field('from', t('auditor.filterFrom'), { type: 'date' })}
            {field('to', t('auditor.filterTo'), { type: 'date' })}
            <Button type="submit" size="xs">
              {t('auditor.applyFilters')}
            </Button>
          </Group>
        </form>
        <ProblemAlert error={events.error} />
        {events.isPending ? (
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        ) : items.length === 0 ? (
          <Text size="sm">{t('auditor.noEvents')}</Text>
        ) : (
          <EventsTable items={items} caption={t('auditor.eventsCaption')} />
        )}
        {events.hasNextPage ? (
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => void events.fetchNextPage()}
              loading={events.isFetchingNextPage}
            >
              {t('auditor.more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}

/** Events as a table: seq, time, action (words and code), actor, application, reason, hash. */
export function EventsTable({ items, caption }: { items: AuditEvent[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollTable minWidth={860}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('auditor.seq')}</Table.Th>
            <Table.Th scope="col">{t('auditor.time')}</Table.Th>
            <Table.Th scope="col">{t('auditor.action')}</Table.Th>
            <Table.Th scope="col">{t('auditor.actor')}</Table.Th>
            <Table.Th scope="col">{t('auditor.application')}</Table.Th>
            <Table.Th scope="col">{t('auditor.reason')}</Table.Th>
            <Table.Th scope="col">{t('auditor.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>{event.seq ?? t('auditor.pending')}</Table.Td>
              <Table.Td>{format.dateTime(event.occurredAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(t, event.action)}</Text>
                <Code>{event.action}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`role.${event.actor.role}`, { defaultValue: event.actor.role })}</Text>
                <Code title={event.actor.id}>{event.actor.id.slice(0, 8)}</Code>
              </Table.Td>
              <Table.Td>
                {event.applicationId ? (
                  <Anchor component={Link} to={`/audit/applications/${event.applicationId}`} size="sm">
                    {t('auditor.openApplication', { id: event.applicationId.slice(0, 8) })}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{event.reason ?? '—'}</Table.Td>
              <Table.Td>
                {event.hash === null ? '—' : <Code title={event.hash}>{event.hash.slice(0, 12)}…</Code>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
