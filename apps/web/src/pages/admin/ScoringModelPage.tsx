import { useState } from 'react';
import { Alert, Badge, Button, Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';

/**
 * The scoring model registry (admins): which FORGE-RRS version is active, each version's parameter hash, and
 * activating another (audited; current assessments go stale and open applications are reassessed).
 */
export default function ScoringModelPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const models = useQuery({
    queryKey: ['scoring', 'models'],
    queryFn: () => call(api.GET('/api/v1/scoring/models')),
  });
  const command = useAction([['scoring', 'models']]);
  const [activated, setActivated] = useState<{ version: string; queued: number } | null>(null);
  async function activate(version: string) {
    setActivated(null);
    const result = await command.run(
      () =>
        call(api.POST('/api/v1/admin/scoring/models/{version}/activate', { params: { path: { version } } })),
      version,
    );
    if (result) setActivated({ version: result.version, queued: result.queued });
  }
  const active = models.data?.find((model) => model.active);
  return (
    <>
      <PageHeader title={t('admin.scoringTitle')} subtitle={t('admin.scoringSubtitle')} />
      <Section title={t('admin.models')} id="models">
        <ProblemAlert error={command.error} />
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
        <QueryState query={models}>
          {(rows) => (
            <DataTable
              caption={t('admin.modelsCaption')}
              rows={rows}
              rowKey={(model) => model.version}
              columns={[
                {
                  header: t('admin.modelVersion'),
                  cell: (model) => `FORGE-RRS ${model.version}`,
                  rowHeader: true,
                },
                {
                  header: t('admin.paramsHash'),
                  cell: (model) => <Code title={model.paramsHash}>{model.paramsHash.slice(0, 16)}…</Code>,
                },
                {
                  header: t('admin.modelStatus'),
                  cell: (model) =>
                    model.active ? (
                      <Badge color="green" variant="light">
                        {t('admin.modelActive')}
                      </Badge>
                    ) : (
                      <Text size="sm">{t('admin.modelInactive')}</Text>
                    ),
                },
                {
                  header: t('admin.modelAction'),
                  cell: (model) =>
                    model.active ? null : (
                      <Button
                        size="xs"
                        variant="default"
                        loading={command.running === model.version}
                        onClick={() => void activate(model.version)}
                      >
                        {t('admin.activate', { version: model.version })}
                      </Button>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('admin.activateHelp')}
          </Text>
        </Stack>
      </Section>
    </>
  );
}
