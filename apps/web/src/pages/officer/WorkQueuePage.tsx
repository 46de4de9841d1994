import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { useApplications, useCountries } from '../../api/queries';
import { useSession } from '../../api/session';
import type { ApplicationSummary } from '../../api/types';
import { ApplicationsTable } from '../../components/ApplicationsTable';
import { BandBadge } from '../../components/BandBadge';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { MINERALS } from '../../lib/enums';
import { useCountryName, useFormat } from '../../lib/format';
import { actionLabel, enumLabel, stageLabel } from '../../lib/labels';
import { ScrollTable } from '../../components/ScrollTable';
import { useSearchParamsUpdate } from '../../lib/search-params';

const STAGES = [
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
  'financed',
  'rejected',
  'withdrawn',
];
const CATEGORIES = ['A', 'B', 'C', 'FI'];
const BANDS = ['low', 'moderate', 'substantial', 'high'];
const QUEUES = ['mine', 'unassigned', 'waiting', 'overdue', 'all'] as const;
type Queue = (typeof QUEUES)[number];
const FILTERS = ['stage', 'country', 'mineral', 'category', 'residualBand', 'q'] as const;

/**
 * The officers' work queue (console.md): assigned to me, unassigned, waiting on me (four-eyes items others
 * proposed), overdue (the list's overdue filter, longest overdue first), all; filters by stage, country, mineral,
 * category and residual band, and a search by reference or title. Filters live in the address.
 */
export default function WorkQueuePage() {
  const { t } = useTranslation();
  const [params, updateParams] = useSearchParamsUpdate();
  const queue = (QUEUES as readonly string[]).includes(params.get('queue') ?? '')
    ? (params.get('queue') as Queue)
    : 'mine';
  const setQueue = (next: string | null) => updateParams((copy) => copy.set('queue', next ?? 'mine'));
  return (
    <>
      <PageHeader title={t('queue.title')} subtitle={t('queue.subtitle')} />
      <Tabs value={queue} onChange={setQueue} keepMounted={false}>
        <Tabs.List mb="md">
          {QUEUES.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`queue.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="mine">
          <ApplicationQueue queue="mine" />
        </Tabs.Panel>
        <Tabs.Panel value="unassigned">
          <ApplicationQueue queue="unassigned" />
        </Tabs.Panel>
        <Tabs.Panel value="waiting">
          <WaitingOnMe />
        </Tabs.Panel>
        <Tabs.Panel value="overdue">
          <Overdue />
        </Tabs.Panel>
        <Tabs.Panel value="all">
          <ApplicationQueue queue="all" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ApplicationQueue({ queue }: { queue: 'mine' | 'unassigned' | 'all' }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [params, updateParams] = useSearchParamsUpdate();
  const countries = useCountries();
  const countryName = useCountryName();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const [search, setSearch] = useState(filters.q);
  const assignee = queue === 'mine' ? user?.id : queue === 'unassigned' ? 'none' : undefined;
  // Overdue work leads the work queue (monitoring.md): earliest due time first, then work without one.
  const applications = useApplications({ ...filters, assignee, sort: 'due', limit: '100' });

  const setFilter = (name: string, value: string) =>
    updateParams((copy) => {
      if (value) copy.set(name, value);
      else copy.delete(name);
    });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', search.trim());
  };
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>) => (
    <NativeSelect
      label={label}
      value={filters[name as (typeof FILTERS)[number]]}
      onChange={(event) => setFilter(name, event.currentTarget.value)}
      data={[{ value: '', label: t('queue.any') }, ...options]}
      size="xs"
      miw={140}
    />
  );

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <form onSubmit={onSearch} role="search" aria-label={t('queue.searchForm')}>
          <Group gap={6} align="flex-end">
            <TextInput
              label={t('queue.search')}
              placeholder={t('queue.searchHint')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              size="xs"
              miw={220}
            />
            <Button type="submit" size="xs" variant="light">
              {t('queue.searchButton')}
            </Button>
          </Group>
        </form>
        {select(
          'stage',
          t('applications.stage'),
          STAGES.map((stage) => ({ value: stage, label: stageLabel(t, stage) })),
        )}
        {select(
          'country',
          t('applications.country'),
          (countries.data?.countries ?? [])
            .map((country) => ({ value: country.code, label: countryName(country.code) }))
            .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
        )}
        {select(
          'mineral',
          t('applications.mineral'),
          MINERALS.map((mineral) => ({ value: mineral, label: enumLabel(t, 'mineral', mineral) })),
        )}
        {select(
          'category',
          t('queue.category'),
          CATEGORIES.map((category) => ({ value: category, label: category })),
        )}
        {select(
          'residualBand',
          t('queue.band'),
          BANDS.map((band) => ({ value: band, label: t(`band.${band}`) })),
        )}
      </Group>
      <ProblemAlert error={applications.error} />
      {applications.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : (
        <ApplicationsTable
          items={applications.data?.items ?? []}
          caption={t(`queue.caption.${queue}`)}
          empty={t('queue.empty')}
          linkTo={(item) => `/officer/applications/${item.id}`}
          extra={{
            header: t('queue.categoryBand'),
            cell: (item: ApplicationSummary) => (
              <Group gap={4} wrap="nowrap">
                {(item.category ?? item.proposedCategory) ? (
                  <Badge variant="light" color="gray" title={t('queue.category')}>
                    {item.category ?? `${item.proposedCategory}?`}
                  </Badge>
                ) : null}
                {item.residualBand ? <BandBadge band={item.residualBand} /> : null}
              </Group>
            ),
          }}
        />
      )}
      {applications.data?.nextCursor ? (
        <Text size="xs" c="dimmed">
          {t('queue.more')}
        </Text>
      ) : null}
    </Stack>
  );
}

function WaitingOnMe() {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useFormat();
  const approvals = useQuery({
    queryKey: ['approvals', 'pending'],
    queryFn: () =>
      call(api.GET('/api/v1/approvals', { params: { query: { status: 'pending', limit: 100 } } })),
  });
  if (approvals.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (approvals.error) return <ProblemAlert error={approvals.error} />;
  const items = approvals.data.items.filter((item) => item.makerId !== user?.id);
  if (items.length === 0) return <Text size="sm">{t('queue.noneWaiting')}</Text>;
  return (
    <ScrollTable minWidth={560}>
      <Table striped>
        <Table.Caption>{t('queue.caption.waiting')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('applications.reference')}</Table.Th>
            <Table.Th scope="col">{t('fourEyes.action')}</Table.Th>
            <Table.Th scope="col">{t('fourEyes.subject')}</Table.Th>
            <Table.Th scope="col">{t('fourEyes.proposedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/officer/applications/${item.applicationId}?tab=fourEyes`}
                  ff="monospace"
                  fw={600}
                >
                  {item.applicationReference ?? item.applicationId}
                </Anchor>
              </Table.Td>
              <Table.Td>{actionLabel(t, item.action)}</Table.Td>
              <Table.Td>
                <Text span ff="monospace" size="sm">
                  {item.subject}
                </Text>
              </Table.Td>
              <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Overdue() {
  const { t } = useTranslation();
  const format = useFormat();
  // The list's overdue filter, in the work queue order (the longest overdue first): docs/notifications.md.
  const overdue = useApplications({ overdue: 'true', sort: 'due', limit: '100' });
  if (overdue.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (overdue.error) return <ProblemAlert error={overdue.error} />;
  const items = overdue.data.items;
  if (items.length === 0) return <Text size="sm">{t('queue.noneOverdue')}</Text>;
  return (
    <ScrollTable minWidth={520}>
      <Table striped>
        <Table.Caption>{t('queue.caption.overdue')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('applications.reference')}</Table.Th>
            <Table.Th scope="col">{t('queue.overdueWhat')}</Table.Th>
            <Table.Th scope="col">{t('queue.overdueSince')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={`/officer/applications/${item.id}`} ff="monospace" fw={600}>
                  {item.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{item.title ?? item.reference}</Table.Td>
              <Table.Td>{item.dueAt ? format.dateTime(item.dueAt) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
