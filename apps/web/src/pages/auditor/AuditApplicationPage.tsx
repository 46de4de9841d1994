import { useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import { useApplication, useTrail } from '../../api/queries';
import type { Schemas } from '../../api/types';
import { BandBadge } from '../../components/BandBadge';
import { ReferenceStage } from '../../components/Codes';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { SIGNING_KEY_FILE, SigningKeyLink } from '../../components/SigningKeyLink';
import { useFormat } from '../../lib/format';
import { EventsTable } from './AuditLogPage';

type Replay = Schemas['ReplayReportDto'];

/**
 * One application for the auditor (console.md): its trail with every event's hash, the proof bundle to
 * download and verify offline, and each risk assessment replayed from its stored inputs (the diff shown).
 * Read-only: a replay recomputes and compares, it records nothing.
 */
export default function AuditApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const application = useApplication(id);
  const trail = useTrail(id);
  const view = application.data;
  const title = view ? (view.title ?? view.reference) : t('auditor.applicationTitle');
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          view ? (
            <ReferenceStage reference={view.reference} stage={view.stage}>
              <Text span size="sm">
                {t('auditor.readOnly')}
              </Text>
            </ReferenceStage>
          ) : undefined
        }
      />
      <ProblemAlert error={application.error} />
      <Stack gap="md">
        <Section title={t('auditor.proofBundle')} id="proof-bundle">
          <Text size="sm">{t('auditor.proofBundleHelp')}</Text>
          <Group>
            <Anchor
              href={`/api/v1/applications/${id}/proof-bundle`}
              download={`proof-bundle-${view?.reference ?? id}.json`}
            >
              {t('auditor.downloadBundle')}
            </Anchor>
            <SigningKeyLink />
            <Anchor href={`/api/v1/audit/export?format=jsonl`} download="audit-export.jsonl">
              {t('auditor.exportJsonl')}
            </Anchor>
          </Group>
          <Text size="sm">{t('auditor.bundleAlone')}</Text>
          <Code block>
            {`npm run audit:verify -- --bundle proof-bundle-${view?.reference ?? id}.json --public-key ${SIGNING_KEY_FILE}`}
          </Code>
          <Text size="sm">{t('auditor.bundleWithExport')}</Text>
          <Code block>
            {`npm run audit:verify -- audit-export.jsonl --bundle proof-bundle-${view?.reference ?? id}.json --public-key ${SIGNING_KEY_FILE}`}
          </Code>
        </Section>
        <Replays applicationId={id} />
        <Section title={t('auditor.trail')} id="trail">
          <ProblemAlert error={trail.error} />
          {trail.isPending ? (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          ) : (
            <EventsTable items={trail.data?.items ?? []} caption={t('auditor.trailCaption')} />
          )}
        </Section>
      </Stack>
    </>
  );
}

function Replays({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const assessments = useQuery({
    queryKey: ['application', applicationId, 'risk-assessments'],
    queryFn: () =>
      call(
        api.GET('/api/v1/applications/{id}/risk-assessments', {
          params: { path: { id: applicationId } },
        }),
      ),
  });
  const [replays, setReplays] = useState<Record<string, Replay>>({});
  const command = useAction([]);
  async function replay(id: string) {
    const report = await command.run(
      () => call(api.POST('/api/v1/risk-assessments/{id}/replay', { params: { path: { id } } })),
      id,
    );
    if (report) setReplays((current) => ({ ...current, [id]: report }));
  }
  return (
    <Section title={t('auditor.assessments')} id="assessments">
      <Text size="sm">{t('auditor.replayHelp')}</Text>
      <ProblemAlert error={command.error} />
      <QueryState query={assessments} empty={t('auditor.noAssessments')}>
        {(rows) => (
          <Stack gap="md">
            {rows.map((assessment) => {
              const report = replays[assessment.id];
              return (
                <Stack key={assessment.id} gap="xs">
                  <Group gap="sm" wrap="wrap">
                    <Code>{assessment.id.slice(0, 8)}</Code>
                    <Text size="sm">FORGE-RRS {assessment.modelVersion}</Text>
                    <Text size="sm">{format.dateTime(assessment.computedAt)}</Text>
                    <BandBadge band={assessment.gross.band} />
                    <Text aria-hidden>→</Text>
                    <BandBadge band={assessment.residual.band} />
                    <Button
                      size="xs"
                      variant="default"
                      loading={command.running === assessment.id}
                      onClick={() => void replay(assessment.id)}
                      aria-label={t('auditor.replayOne', { id: assessment.id.slice(0, 8) })}
                    >
                      {t('auditor.replay')}
                    </Button>
                  </Group>
                  {report ? <ReplayReport report={report} /> : null}
                </Stack>
              );
            })}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function ReplayReport({ report }: { report: Replay }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert
        color={report.reproduced ? 'green' : 'red'}
        variant="light"
        title={report.reproduced ? t('auditor.reproduced') : t('auditor.notReproduced')}
      >
        {report.reproduced ? null : (
          <DiffTable rows={report.differences} caption={t('auditor.diffCaption')} />
        )}
      </Alert>
      {report.differencesFromActive.length === 0 ? (
        <Text size="sm">{t('auditor.sameUnderActive')}</Text>
      ) : (
        <DiffTable rows={report.differencesFromActive} caption={t('auditor.diffActiveCaption')} />
      )}
    </Stack>
  );
}

function DiffTable({ rows, caption }: { rows: Replay['differences']; caption: string }) {
  const { t } = useTranslation();
  const show = (value: unknown) => <Code>{typeof value === 'string' ? value : JSON.stringify(value)}</Code>;
  return (
    <DataTable
      caption={caption}
      minWidth={480}
      rows={rows}
      rowKey={(row) => row.path}
      columns={[
        { header: t('auditor.diffPath'), cell: (row) => <Code>{row.path}</Code> },
        { header: t('auditor.diffStored'), cell: (row) => show(row.a) },
        { header: t('auditor.diffRecomputed'), cell: (row) => show(row.b) },
      ]}
    />
  );
}
