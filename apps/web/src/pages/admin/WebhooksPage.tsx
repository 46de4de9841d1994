import { useState } from 'react';
import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import type { Schemas } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';

type Endpoint = Schemas['WebhookEndpointDto'];
type Registered = Schemas['RegisteredWebhookDto'];

/**
 * Webhooks for integrators (monitoring.md "Webhooks"), admins: register an endpoint with the audit actions it
 * wants (or `*`) and see its signing secret once; the endpoints; an endpoint's delivery log (every attempt), manual
 * redelivery of a message (same webhook-id) and disabling an endpoint. The API refuses a URL that is not public.
 */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const endpoints = useQuery({
    queryKey: ['webhooks'],
    queryFn: () => call(api.GET('/api/v1/admin/webhooks')),
  });
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} />
      <Stack gap="md">
        <RegisterForm />
        <Section title={t('webhooks.endpointsTitle')} id="webhook-endpoints">
          <QueryState query={endpoints} empty={t('webhooks.none')}>
            {(rows) => <Endpoints rows={rows} onShow={setSelected} />}
          </QueryState>
        </Section>
        {selected ? <Deliveries endpointId={selected} /> : null}
      </Stack>
    </>
  );
}

function RegisterForm() {
  const { t } = useTranslation();
  const command = useAction([['webhooks']]);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('*');
  const [description, setDescription] = useState('');
  const [registered, setRegistered] = useState<Registered | null>(null);
  async function register() {
    setRegistered(null);
    const result = await command.run(() =>
      call(
        api.POST('/api/v1/admin/webhooks', {
          body: {
            url: url.trim(),
            // One audit action per comma or line (the API names any it refuses).
            events: events
              .split(/[\s,]+/)
              .map((e) => e.trim())
              .filter((e) => e !== ''),
            ...(description.trim() ? { description: description.trim() } : {}),
          },
        }),
      ),
    );
    if (result) {
      setRegistered(result);
      setUrl('');
      setDescription('');
    }
  }
  return (
    <Section title={t('webhooks.registerTitle')} id="webhook-register">
      <TextInput
        label={t('webhooks.url')}
        type="url"
        required
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
      />
      <TextInput
        label={t('webhooks.events')}
        description={t('webhooks.eventsHint')}
        required
        value={events}
        onChange={(event) => setEvents(event.currentTarget.value)}
      />
      <TextInput
        label={t('webhooks.description')}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
      />
      <ProblemAlert error={command.error} />
      {registered ? (
        <Alert color="yellow" variant="light" role="status" title={t('webhooks.secretTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('webhooks.secretOnce')}</Text>
            <Code block aria-label={t('webhooks.secret')}>
              {registered.secret}
            </Code>
          </Stack>
        </Alert>
      ) : null}
      <Group>
        <Button loading={command.busy} onClick={() => void register()}>
          {t('webhooks.register')}
        </Button>
      </Group>
    </Section>
  );
}

function Endpoints({ rows, onShow }: { rows: Endpoint[]; onShow(id: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const command = useAction([['webhooks']]);
  return (
    <Stack gap="xs">
      <ProblemAlert error={command.error} />
      <DataTable
        caption={t('webhooks.endpointsCaption')}
        rows={rows}
        rowKey={(e) => e.id}
        minWidth={720}
        columns={[
          { header: t('webhooks.url'), cell: (e) => <Code>{e.url}</Code>, rowHeader: true },
          { header: t('webhooks.events'), cell: (e) => e.events.join(', ') },
          { header: t('webhooks.description'), cell: (e) => e.description ?? '—' },
          {
            header: t('webhooks.state'),
            cell: (e) =>
              e.disabledAt
                ? t('webhooks.disabledAt', { date: format.dateTime(e.disabledAt) })
                : t('webhooks.enabled'),
          },
          {
            header: t('webhooks.actions'),
            cell: (e) => (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="default" onClick={() => onShow(e.id)}>
                  {t('webhooks.showLog')}
                </Button>
                {e.disabledAt ? null : (
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    loading={command.running === e.id}
                    onClick={() =>
                      void command.run(
                        () =>
                          call(
                            api.POST('/api/v1/admin/webhooks/{id}/disable', {
                              params: { path: { id: e.id } },
                            }),
                          ),
                        e.id,
                      )
                    }
                  >
                    {t('webhooks.disable')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
    </Stack>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deliveries = useQuery({
    queryKey: ['webhooks', endpointId, 'deliveries'],
    queryFn: () =>
      call(
        api.GET('/api/v1/admin/webhooks/{id}/deliveries', {
          params: { path: { id: endpointId }, query: { limit: 100 } },
        }),
      ),
  });
  const command = useAction([['webhooks', endpointId, 'deliveries']]);
  return (
    <Section title={t('webhooks.logTitle')} id="webhook-log">
      <ProblemAlert error={command.error} />
      <QueryState query={deliveries} empty={t('webhooks.noDeliveries')}>
        {(rows) => (
          <DataTable
            caption={t('webhooks.logCaption')}
            rows={rows}
            rowKey={(d) => d.id}
            minWidth={760}
            columns={[
              { header: t('webhooks.event'), cell: (d) => <Code>{d.eventType}</Code>, rowHeader: true },
              { header: t('webhooks.seq'), cell: (d) => d.eventSeq, numeric: true },
              { header: t('webhooks.status'), cell: (d) => t(`webhooks.statuses.${d.status}`) },
              { header: t('webhooks.attempts'), cell: (d) => d.attempts, numeric: true },
              {
                header: t('webhooks.last'),
                cell: (d) =>
                  d.lastStatus !== null || d.lastError !== null
                    ? [d.lastStatus, d.lastError].filter((v) => v !== null).join(' · ')
                    : '—',
              },
              {
                header: t('webhooks.when'),
                cell: (d) => format.dateTime(d.deliveredAt ?? d.nextAttemptAt ?? d.createdAt),
              },
              {
                header: t('webhooks.actions'),
                cell: (d) =>
                  d.status === 'pending' ? null : (
                    <Button
                      size="xs"
                      variant="default"
                      loading={command.running === d.id}
                      aria-label={t('webhooks.redeliverOf', { seq: d.eventSeq, event: d.eventType })}
                      onClick={() =>
                        void command.run(
                          () =>
                            call(
                              api.POST('/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
                                params: { path: { id: endpointId, deliveryId: d.id } },
                              }),
                            ),
                          d.id,
                        )
                      }
                    >
                      {t('webhooks.redeliver')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
