import { useState } from 'react';
import { Alert, Badge, Button, Code, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';

/**
 * The scoring model registry (admins): which FORGE-RRS version is active, each version's parameter hash, and
 * activating another (audited; current assessments go stale and open applications are reassessed).
 */
export default function ScoringModelPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const models = useQuery({
    queryKey: ['scoring', 'models'],
    queryFn: () => call(api.GET('/api/v1/scoring/models')),
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [activated, setActivated] = useState<{ version: string; queued: number } | null>(null);
  async function activate(version: string) {
    setBusy(version);
    setError(null);
    setActivated(null);
    try {
      const result = await call(
        api.POST('/api/v1/admin/scoring/models/{version}/activate', { params: { path: { version } } }),
      );
      setActivated({ version: result.version, queued: result.queued });
      await queryClient.invalidateQueries({ queryKey: ['scoring', 'models'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }
  const active = models.data?.find((model) => model.active);
  return (
    <>
      <PageHeader title={t('admin.scoringTitle')} subtitle={t('admin.scoringSubtitle')} />
      <Section title={t('admin.models')} id="models">
        <ProblemAlert error={models.error ?? error} />
        {active ? (
          <Text size="sm">
            {t('admin.activeModel', { version: active.version, date: format.dateTime(active.activatedAt) })}
          </Text>
        ) : null}
        {activated ? (
          <Alert color="green" variant="light" role="status">
            {t('admin.modelActivated', { version: activated.version, count: activated.queued })}
          </Alert>
        ) : null}
        {models.isPending ? (
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        ) : (
          <ScrollTable minWidth={560}>
            <Table striped>
              <Table.Caption>{t('admin.modelsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.modelVersion')}</Table.Th>
                  <Table.Th scope="col">{t('admin.paramsHash')}</Table.Th>
                  <Table.Th scope="col">{t('admin.modelStatus')}</Table.Th>
                  <Table.Th scope="col">{t('admin.modelAction')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(models.data ?? []).map((model) => (
                  <Table.Tr key={model.version}>
                    <Table.Th scope="row">FORGE-RRS {model.version}</Table.Th>
                    <Table.Td>
                      <Code title={model.paramsHash}>{model.paramsHash.slice(0, 16)}…</Code>
                    </Table.Td>
                    <Table.Td>
                      {model.active ? (
                        <Badge color="green" variant="light">
                          {t('admin.modelActive')}
                        </Badge>
                      ) : (
                        <Text size="sm">{t('admin.modelInactive')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {model.active ? null : (
                        <Button
                          size="xs"
                          variant="default"
                          loading={busy === model.version}
                          onClick={() => void activate(model.version)}
                        >
                          {t('admin.activate', { version: model.version })}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('admin.activateHelp')}
          </Text>
        </Stack>
      </Section>
    </>
  );
}
