import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import type { Schemas } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { useFormat } from '../../lib/format';
import { consolePathFor } from '../../lib/link-targets';
import { useSearchParamsUpdate } from '../../lib/search-params';

type InboxItem = Schemas['InboxItemDto'];
const STATUSES = ['open', 'unread', 'all'] as const;
type Status = (typeof STATUSES)[number];

/** The caller's inbox, page by page (keyset cursor); kept under `inbox` (the navigation's count reads it too). */
export const useInbox = (status: Status) =>
  useInfiniteQuery({
    queryKey: ['inbox', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/me/inbox', {
          params: { query: { status, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/**
 * What awaits me now (monitoring.md "Inbox"), for every role: items to approve, votes, requests to answer,
 * overdue work, watchlist changes and news, newest first. Each opens the page of its link target for the
 * reader's role; items are marked read one by one or all at once (work still waiting stays listed until done).
 */
export default function InboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const [params, updateParams] = useSearchParamsUpdate();
  const status: Status = STATUSES.includes(params.get('status') as Status)
    ? (params.get('status') as Status)
    : 'open';
  const inbox = useInbox(status);
  const action = useAction([['inbox']]);
  const unread = inbox.data?.pages[0]?.unread ?? 0;

  const markRead = (ids?: string[]) =>
    action.run(
      () => call(api.POST('/api/v1/me/inbox/read', { body: ids ? { ids } : {} })),
      ids ? ids[0] : 'all',
    );

  return (
    <>
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.intro')} />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('inbox.show')}
            value={status}
            onChange={(event) => updateParams((copy) => copy.set('status', event.currentTarget.value))}
            data={STATUSES.map((value) => ({ value, label: t(`inbox.status.${value}`) }))}
            miw={220}
          />
          <Group gap="sm">
            <Text size="sm" role="status">
              {t('inbox.unreadCount', { count: unread })}
            </Text>
            <Button
              variant="light"
              disabled={unread === 0}
              loading={action.running === 'all'}
              onClick={() => void markRead()}
            >
              {t('inbox.markAllRead')}
            </Button>
          </Group>
        </Group>
        <ProblemAlert error={action.error} />
        <QueryState
          query={{ isPending: inbox.isPending, error: inbox.error, data: inbox.data }}
          isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
          empty={t('inbox.empty')}
        >
          {(data) => (
            <ScrollTable minWidth={720}>
              <Table>
                <Table.Caption>{t('inbox.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('inbox.what')}</Table.Th>
                    <Table.Th scope="col">{t('inbox.application')}</Table.Th>
                    <Table.Th scope="col">{t('inbox.received')}</Table.Th>
                    <Table.Th scope="col">{t('inbox.state')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('inbox.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pages
                    .flatMap((page) => page.items)
                    .map((item) => (
                      <Row
                        key={item.id}
                        item={item}
                        to={consolePathFor(item.target.path, user?.roles ?? [])}
                        received={format.dateTime(item.createdAt)}
                        busy={action.running === item.id}
                        onRead={() => void markRead([item.id])}
                      />
                    ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
        {inbox.hasNextPage ? (
          <Group>
            <Button
              variant="default"
              loading={inbox.isFetchingNextPage}
              onClick={() => void inbox.fetchNextPage()}
            >
              {t('inbox.more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}

function Row({
  item,
  to,
  received,
  busy,
  onRead,
}: {
  item: InboxItem;
  to: string;
  received: string;
  busy: boolean;
  onRead(): void;
}) {
  const { t } = useTranslation();
  const what = t(`inbox.template.${item.template}`, { defaultValue: item.template });
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={to} fw={item.readAt === null ? 700 : 400}>
          {what}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {item.params.reference ? <Text size="sm">{item.params.reference}</Text> : null}
        {item.params.title ? (
          <Text size="xs" c="dimmed">
            {item.params.title}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{received}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {item.awaiting ? (
            <Badge color="orange" variant="light">
              {t('inbox.awaiting')}
            </Badge>
          ) : null}
          {item.readAt === null ? <Badge variant="light">{t('inbox.unread')}</Badge> : null}
        </Group>
      </Table.Td>
      <Table.Td>
        {item.readAt === null ? (
          <Button
            size="xs"
            variant="default"
            loading={busy}
            onClick={onRead}
            aria-label={t('inbox.markReadOf', { what })}
          >
            {t('inbox.markRead')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
