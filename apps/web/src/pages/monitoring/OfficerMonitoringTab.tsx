import { useEffect, useState } from 'react';
import {
  Anchor,
  Button,
  Code,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import {
  LIVE_AFTER_CLOSE,
  useDisbursements,
  useEsap,
  usePendingApprovals,
  useWatchlist,
  type Disbursement,
  type EsapItem,
} from '../../api/monitoring';
import { fieldErrorsOf } from '../../api/problem';
import { keys } from '../../api/queries';
import type { ApplicationView, RiskAssessmentView } from '../../api/types';
import { BandBadge } from '../../components/BandBadge';
import { SoftBadge } from '../../components/Codes';
import { DataTable } from '../../components/DataTable';
import { Facts } from '../../components/Facts';
import { CodeSelect, useRequiredText } from '../../components/Fields';
import { FourEyesItem } from '../../components/FourEyesItem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { parseNumber } from '../sponsor/form/fields';
import { useCommand } from '../officer/application/command';
import { IncidentFollowUp, ReportIncidentForm } from './forms';
import {
  DisbursementsTable,
  documentNamer,
  EsapTable,
  IncidentsList,
  MoneyFacts,
  RepaymentsTable,
  ReportsList,
  TranchesTable,
  useConditionText,
} from './shared';
import { COVENANT_STAGES, CovenantsTable, TRANCHE_STAGES } from './structure';

export type MonitoringTabName = 'disbursements' | 'esap' | 'monitoring' | 'incidents' | 'watchlist';

const STANDARDS = ['PS1', 'PS2', 'PS3', 'PS4', 'PS5', 'PS6', 'PS7', 'PS8'] as const;

/**
 * The officer's screens after close (monitoring.md), one tab each on the application page: money
 * (tranches and conditions, disbursements proposed under four eyes, repayments), the ESAP with verification,
 * annual reports with covenant results and risk at approval beside risk now, incidents, the watchlist.
 */
export default function OfficerMonitoringTab({
  view,
  tab,
}: {
  view: ApplicationView;
  tab: MonitoringTabName;
}) {
  // Opening a tab reads the application afresh (another officer may have moved it meanwhile), so the
  // commands below carry the version the officer now sees.
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.refetchQueries({ queryKey: keys.application(view.id), exact: true });
  }, [queryClient, view.id, tab]);
  switch (tab) {
    case 'disbursements':
      return <Money view={view} />;
    case 'esap':
      return <Esap view={view} />;
    case 'monitoring':
      return <Monitoring view={view} />;
    case 'incidents':
      return <Incidents view={view} />;
    case 'watchlist':
      return <Watchlist view={view} />;
  }
}

function Money({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const money = useDisbursements(view.id);
  const conditionText = useConditionText(view.id, view.conditionsPrecedent);
  const pending = usePendingApprovals(view.id, view.version);
  const releases = (pending.data ?? []).filter((item) => item.action === 'disbursement.release');
  const writeOff = (pending.data ?? []).find((item) => item.action === 'application.write_off');
  return (
    <QueryState query={money}>
      {(data) => (
        <Stack gap="md">
          <Section title={t('monitoring.moneyTitle')} id="money">
            <MoneyFacts data={data} />
          </Section>
          <Section title={t('monitoring.tranchesTitle')} id="tranches">
            <TranchesTable data={data} conditionText={conditionText} />
            {TRANCHE_STAGES.includes(view.stage) && data.disbursedUsd === 0 ? <EditOnFinancing /> : null}
          </Section>
          <Section title={t('monitoring.disbursementsTitle')} id="disbursements">
            <Text size="sm">{t('monitoring.disbursementsHelp')}</Text>
            <DisbursementsTable
              rows={data.disbursements}
              actions={(row) => <DisbursementActions view={view} row={row} />}
            />
            {releases.length > 0 ? (
              <>
                <Title order={3} size="h5">
                  {t('monitoring.awaitingSecond')}
                </Title>
                {releases.map((item) => (
                  <FourEyesItem key={item.id} item={item} applicationId={view.id} />
                ))}
              </>
            ) : null}
          </Section>
          <Section title={t('monitoring.repaymentsTitle')} id="repayments">
            <RepaymentsTable data={data} />
            {data.disbursedUsd > data.repaidUsd ? <RepaymentForm view={view} /> : null}
          </Section>
          {LIVE_AFTER_CLOSE.includes(view.stage) ? (
            <Section title={t('writeOff.title')} id="write-off">
              <Text size="sm">{t('writeOff.help')}</Text>
              {writeOff ? (
                <FourEyesItem item={writeOff} applicationId={view.id} />
              ) : (
                <WriteOffForm view={view} />
              )}
            </Section>
          ) : null}
        </Stack>
      )}
    </QueryState>
  );
}

/** The tranches and covenants are part of the financing structure: edited on its tab. */
function EditOnFinancing() {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <Anchor component={Link} to="?tab=financing">
        {t('structure.editOnFinancing')}
      </Anchor>
    </Text>
  );
}

/** An officer proposes writing the project off with a reason; a second officer approves (maker-checker). */
function WriteOffForm({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const reason = useRequiredText();
  const fieldErrors = fieldErrorsOf(command.error);
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('writeOff.propose')}
      onSubmit={(event) => {
        event.preventDefault();
        const text = reason.take();
        if (text === undefined) return;
        void command.run(() =>
          call(
            api.POST('/api/v1/applications/{id}/write-off', {
              params: { path: { id: view.id } },
              body: { reason: text, expectedVersion: view.version },
            }),
          ),
        );
      }}
    >
      <Textarea
        label={t('writeOff.reason')}
        required
        autosize
        minRows={2}
        {...reason.input}
        error={reason.input.error ?? fieldErrors.reason}
      />
      <ProblemAlert error={command.error} onReload={command.reload} />
      <Group>
        <Button type="submit" color="red" variant="outline" loading={command.busy}>
          {t('writeOff.propose')}
        </Button>
      </Group>
    </Stack>
  );
}

function DisbursementActions({ view, row }: { view: ApplicationView; row: Disbursement }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const [declining, setDeclining] = useState(false);
  const reason = useRequiredText();
  if (row.status !== 'requested') return null;
  const params = { params: { path: { id: view.id, did: row.id } } };
  const decline = () => {
    const text = reason.take();
    if (text === undefined) return;
    void command.run(
      () =>
        call(
          api.POST('/api/v1/applications/{id}/disbursements/{did}/decline', {
            ...params,
            body: { reason: text },
          }),
        ),
      'decline',
    );
  };
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <Button
          size="xs"
          loading={command.running === 'propose'}
          onClick={() =>
            void command.run(
              () => call(api.POST('/api/v1/applications/{id}/disbursements/{did}/propose', params)),
              'propose',
            )
          }
          aria-label={t('monitoring.proposeOne', { tranche: row.trancheId })}
        >
          {t('monitoring.propose')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setDeclining((open) => !open)}>
          {t('monitoring.decline')}
        </Button>
      </Group>
      {declining ? (
        <Group gap={4} align="flex-end" wrap="nowrap">
          <TextInput size="xs" label={t('monitoring.declineReason')} {...reason.input} />
          <Button
            size="xs"
            color="red"
            variant="outline"
            loading={command.running === 'decline'}
            onClick={decline}
          >
            {t('monitoring.confirmDecline')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={command.error} onReload={command.reload} />
    </Stack>
  );
}

function RepaymentForm({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const command = useCommand(view.id);
  const [amount, setAmount] = useState('');
  const [valueDate, setValueDate] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const fieldErrors = fieldErrorsOf(command.error);
  const parsed = parseNumber(amount);
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('monitoring.recordRepayment')}
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await command.run(() =>
          call(
            api.POST('/api/v1/applications/{id}/repayments', {
              params: { path: { id: view.id } },
              body: {
                amountUsd: parsed ?? Number.NaN,
                valueDate,
                ...(note.trim() ? { note: note.trim() } : {}),
                expectedVersion: view.version,
              },
            }),
          ),
        );
        if (done) {
          setAmount('');
          setNote('');
        }
      }}
    >
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t('monitoring.repaymentAmount')}
          value={amount}
          inputMode="numeric"
          required
          description={parsed !== undefined ? format.usd(parsed) : undefined}
          error={fieldErrors.amountUsd}
          onChange={(event) => setAmount(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('monitoring.valueDate')}
          value={valueDate}
          required
          error={fieldErrors.valueDate}
          onChange={(event) => setValueDate(event.currentTarget.value)}
        />
        <TextInput
          label={t('monitoring.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
      <Group>
        <Button type="submit" variant="light" loading={command.busy}>
          {t('monitoring.recordRepayment')}
        </Button>
      </Group>
    </Stack>
  );
}

function Esap({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const esap = useEsap(view.id);
  const documentName = documentNamer(view.documents);
  return (
    <Stack gap="md">
      <Section title={t('monitoring.esapTitle')} id="esap">
        <Text size="sm">{t('monitoring.esapHelp')}</Text>
        <QueryState query={esap}>
          {(items) => (
            <EsapTable
              items={items}
              documentName={documentName}
              actions={(item) => <EsapReview view={view} item={item} />}
            />
          )}
        </QueryState>
      </Section>
      <CreateEsapItem view={view} />
    </Stack>
  );
}

function EsapReview({ view, item }: { view: ApplicationView; item: EsapItem }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const note = useRequiredText();
  if (item.status !== 'done') return null;
  const review = (decision: 'verify' | 'return') => {
    const text = note.take();
    if (text === undefined) return;
    void command.run(
      () =>
        call(
          api.POST('/api/v1/applications/{id}/esap/{itemId}/review', {
            params: { path: { id: view.id, itemId: item.id } },
            body: { decision, note: text, expectedVersion: view.version },
          }),
        ),
      decision,
    );
  };
  return (
    <Stack gap={4} role="group" aria-label={t('monitoring.reviewItem', { item: item.description })}>
      <TextInput size="xs" label={t('monitoring.reviewNote')} {...note.input} />
      <Group gap={4} wrap="nowrap">
        <Button size="xs" loading={command.running === 'verify'} onClick={() => review('verify')}>
          {t('monitoring.verify')}
        </Button>
        <Button
          size="xs"
          variant="outline"
          loading={command.running === 'return'}
          onClick={() => review('return')}
        >
          {t('monitoring.return')}
        </Button>
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
    </Stack>
  );
}

function CreateEsapItem({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const [description, setDescription] = useState('');
  const [standard, setStandard] = useState<(typeof STANDARDS)[number]>('PS1');
  const [dueDate, setDueDate] = useState('');
  const fieldErrors = fieldErrorsOf(command.error);
  return (
    <Section title={t('monitoring.newEsapItem')} id="new-esap-item">
      <Stack
        gap="sm"
        component="form"
        onSubmit={async (event) => {
          event.preventDefault();
          const done = await command.run(() =>
            call(
              api.POST('/api/v1/applications/{id}/esap', {
                params: { path: { id: view.id } },
                body: { description: description.trim(), standard, dueDate, expectedVersion: view.version },
              }),
            ),
          );
          if (done) {
            setDescription('');
            setDueDate('');
          }
        }}
      >
        <Textarea
          label={t('monitoring.esapAction')}
          value={description}
          required
          autosize
          minRows={2}
          error={fieldErrors.description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <CodeSelect
            label={t('monitoring.standard')}
            value={standard}
            onChange={setStandard}
            codes={STANDARDS}
            labelOf={(value) => `${value} · ${t(`monitoring.ps.${value}`)}`}
          />
          <TextInput
            type="date"
            label={t('monitoring.dueDate')}
            value={dueDate}
            required
            error={fieldErrors.dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
          />
        </Group>
        <ProblemAlert error={command.error} onReload={command.reload} />
        <Group>
          <Button type="submit" loading={command.busy}>
            {t('monitoring.addEsapItem')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function Monitoring({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Section title={t('monitoring.riskTitle')} id="risk-then-now">
        <Text size="sm">{t('monitoring.riskHelp')}</Text>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RiskCard title={t('monitoring.riskAtApproval')} assessment={view.riskAtApproval ?? null} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RiskCard title={t('monitoring.riskNow')} assessment={view.latestRiskAssessment} />
          </Grid.Col>
        </Grid>
      </Section>
      <Section title={t('monitoring.reportsTitle')} id="reports">
        <ReportsList applicationId={view.id} />
      </Section>
      <Section title={t('monitoring.covenantsTitle')} id="covenants">
        <CovenantsTable applicationId={view.id} />
        {COVENANT_STAGES.includes(view.stage) ? <EditOnFinancing /> : null}
      </Section>
    </Stack>
  );
}

/** One assessment in brief: bands, scores, expected loss, model, when, and its id (replayable by auditors). */
function RiskCard({ title, assessment }: { title: string; assessment: RiskAssessmentView | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={title} h="100%">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {assessment ? (
          <>
            <Group gap="xs">
              <BandBadge band={assessment.gross.band} />
              <Text aria-hidden>→</Text>
              <BandBadge band={assessment.residual.band} />
            </Group>
            <Facts
              cols={2}
              items={[
                [
                  t('monitoring.scores'),
                  `${format.score(assessment.gross.score)} → ${format.score(assessment.residual.score)}`,
                ],
                [
                  t('monitoring.expectedLoss'),
                  `${format.percent(assessment.expectedLoss.grossBp / 100)} → ${format.percent(assessment.expectedLoss.residualBp / 100)}`,
                ],
                [t('monitoring.model'), `FORGE-RRS ${assessment.modelVersion}`],
                [t('monitoring.computedAt'), format.dateTime(assessment.computedAt)],
                [t('monitoring.assessment'), <Code key="id">{assessment.id.slice(0, 8)}</Code>],
              ]}
            />
          </>
        ) : (
          <Text size="sm">{t('monitoring.noAssessment')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function Incidents({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Section title={t('monitoring.incidentsTitle')} id="incidents">
        <IncidentsList
          applicationId={view.id}
          actions={(incident) =>
            incident.status === 'open' ? (
              <IncidentFollowUp applicationId={view.id} version={view.version} incident={incident} canClose />
            ) : null
          }
        />
      </Section>
      <Section title={t('monitoring.reportIncident')} id="report-incident">
        <Text size="sm">{t('monitoring.incidentRule')}</Text>
        <ReportIncidentForm applicationId={view.id} version={view.version} />
      </Section>
    </Stack>
  );
}

function Watchlist({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const watchlist = useWatchlist(view.id);
  return (
    <Section title={t('monitoring.watchlistTitle')} id="watchlist">
      <QueryState query={watchlist}>
        {(data) => (
          <>
            <Group gap="xs">
              <SoftBadge size="lg" color={data.onWatchlist ? 'red' : 'green'}>
                {data.onWatchlist ? t('monitoring.onWatchlist') : t('monitoring.notOnWatchlist')}
              </SoftBadge>
            </Group>
            {data.reasons.length === 0 ? (
              <Text size="sm">{t('monitoring.noReasons')}</Text>
            ) : (
              <DataTable
                caption={t('monitoring.reasonsCaption')}
                minWidth={760}
                rows={data.reasons}
                rowKey={(reason) => reason.id}
                columns={[
                  {
                    header: t('monitoring.reason'),
                    cell: (reason) => t(`monitoring.reasonKind.${reason.kind}`),
                    rowHeader: true,
                  },
                  { header: t('monitoring.detail'), cell: (reason) => reason.detail },
                  { header: t('monitoring.reference'), cell: (reason) => <Code>{reason.ref}</Code> },
                  { header: t('monitoring.added'), cell: (reason) => format.dateTime(reason.addedAt) },
                  {
                    header: t('monitoring.cleared'),
                    cell: (reason) =>
                      reason.clearedAt ? (
                        `${format.dateTime(reason.clearedAt)}: ${reason.clearNote ?? ''}`
                      ) : (
                        <ClearReason view={view} reasonId={reason.id} />
                      ),
                  },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </Section>
  );
}

function ClearReason({ view, reasonId }: { view: ApplicationView; reasonId: string }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const note = useRequiredText();
  return (
    <Stack gap={4} role="group" aria-label={t('monitoring.clearReason', { reason: reasonId })}>
      <Group gap={4} align="flex-end" wrap="nowrap">
        <TextInput size="xs" label={t('monitoring.clearNote')} {...note.input} />
        <Button
          size="xs"
          variant="light"
          loading={command.busy}
          onClick={() => {
            const text = note.take();
            if (text === undefined) return;
            void command.run(() =>
              call(
                api.POST('/api/v1/applications/{id}/watchlist/clear', {
                  params: { path: { id: view.id } },
                  body: { reasonId, note: text, expectedVersion: view.version },
                }),
              ),
            );
          }}
        >
          {t('monitoring.clear')}
        </Button>
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
    </Stack>
  );
}
