import { useState } from 'react';
import { Button, FileInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import {
  AFTER_CLOSE,
  LIVE_AFTER_CLOSE,
  useDisbursements,
  useEsap,
  type AmrFigures,
  type EsapItem,
} from '../../api/monitoring';
import { fieldErrorsOf } from '../../api/problem';
import type { SponsorApplicationView } from '../../api/types';
import { uploadDocument } from '../../components/DocumentsPanel';
import { CodeSelect } from '../../components/Fields';
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
  FIGURES,
  IncidentsList,
  MoneyFacts,
  ReportsList,
  TranchesTable,
  useConditionText,
} from './shared';

/**
 * The sponsor's own project after close (monitoring.md): its money (tranches, disbursements, a request for
 * the next one), the ESAP items it owes (status, evidence), its annual monitoring reports (filed here with the
 * report document and figures; covenant results shown), and its incidents (reported here). ESAP items show
 * from the E&S review on. Nothing of the fund's watchlist (staff only).
 */
export default function SponsorMonitoring({ view }: { view: SponsorApplicationView }) {
  const closed = AFTER_CLOSE.includes(view.stage);
  const live = LIVE_AFTER_CLOSE.includes(view.stage);
  return (
    <>
      {closed ? <Money view={view} live={live} /> : null}
      <Esap view={view} live={view.stage !== 'repaid' && view.stage !== 'written_off'} />
      {closed ? <Reports view={view} live={live} /> : null}
      {closed ? <Incidents view={view} live={live} /> : null}
    </>
  );
}

function Money({ view, live }: { view: SponsorApplicationView; live: boolean }) {
  const { t } = useTranslation();
  const money = useDisbursements(view.id);
  const conditionText = useConditionText(view.id, view.conditionsPrecedent);
  return (
    <Section title={t('monitoring.moneyTitle')} id="money">
      <QueryState query={money}>
        {(data) => (
          <Stack gap="md">
            <MoneyFacts data={data} />
            <TranchesTable data={data} conditionText={conditionText} />
            <DisbursementsTable rows={data.disbursements} />
            {live && data.tranches.some((tranche) => tranche.availableUsd > 0) ? (
              <RequestDisbursement view={view} tranches={data.tranches} />
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function RequestDisbursement({
  view,
  tranches,
}: {
  view: SponsorApplicationView;
  tranches: Array<{ id: string; availableUsd: number }>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const command = useCommand(view.id);
  const open = tranches.filter((tranche) => tranche.availableUsd > 0);
  const [trancheId, setTrancheId] = useState(open[0]?.id ?? '');
  const [amount, setAmount] = useState('');
  const [requested, setRequested] = useState(false);
  const parsed = parseNumber(amount);
  const fieldErrors = fieldErrorsOf(command.error);
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('monitoring.requestDisbursement')}
      onSubmit={async (event) => {
        event.preventDefault();
        setRequested(false);
        const done = await command.run(() =>
          call(
            api.POST('/api/v1/applications/{id}/disbursements', {
              params: { path: { id: view.id } },
              body: { trancheId, amountUsd: parsed ?? Number.NaN },
            }),
          ),
        );
        if (done) {
          setAmount('');
          setRequested(true);
        }
      }}
    >
      <Text fw={600}>{t('monitoring.requestDisbursement')}</Text>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <CodeSelect
          label={t('monitoring.tranche')}
          value={trancheId}
          onChange={setTrancheId}
          codes={open.map((tranche) => tranche.id)}
          labelOf={(id) =>
            t('monitoring.trancheAvailable', {
              tranche: id,
              amount: format.usd(open.find((tranche) => tranche.id === id)?.availableUsd ?? 0),
            })
          }
        />
        <TextInput
          label={t('monitoring.amountRequested')}
          value={amount}
          inputMode="numeric"
          required
          description={parsed !== undefined ? format.usd(parsed) : undefined}
          error={fieldErrors.amountUsd}
          onChange={(event) => setAmount(event.currentTarget.value)}
        />
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
      {requested ? <div role="status">{t('monitoring.disbursementRequested')}</div> : null}
      <Group>
        <Button type="submit" loading={command.busy}>
          {t('monitoring.requestButton')}
        </Button>
      </Group>
    </Stack>
  );
}

function Esap({ view, live }: { view: SponsorApplicationView; live: boolean }) {
  const { t } = useTranslation();
  const esap = useEsap(view.id);
  const documentName = documentNamer(view.documents);
  if (!esap.isPending && !esap.error && (esap.data ?? []).length === 0) return null;
  return (
    <Section title={t('monitoring.esapTitle')} id="esap">
      <Text size="sm">{t('monitoring.esapSponsorHelp')}</Text>
      <QueryState query={esap}>
        {(items) => (
          <EsapTable
            items={items}
            documentName={documentName}
            actions={live ? (item) => <EsapUpdate view={view} item={item} /> : undefined}
          />
        )}
      </QueryState>
    </Section>
  );
}

const SPONSOR_STATUSES = ['open', 'in_progress', 'done'] as const;
type EsapStatus = (typeof SPONSOR_STATUSES)[number];

/** The sponsor moves an item along and attaches evidence (a document uploaded here); `done` needs evidence. */
function EsapUpdate({ view, item }: { view: SponsorApplicationView; item: EsapItem }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const [status, setStatus] = useState<EsapStatus>(item.status === 'verified' ? 'done' : item.status);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  if (item.status === 'verified') return null;
  return (
    <Stack
      gap={4}
      component="form"
      aria-label={t('monitoring.updateItem', { item: item.description })}
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await command.run(async () => {
          const evidence = file ? await uploadDocument(view.id, 'other', file) : null;
          return call(
            api.PATCH('/api/v1/applications/{id}/esap/{itemId}', {
              params: { path: { id: view.id, itemId: item.id } },
              body: {
                status,
                ...(evidence ? { evidenceDocumentIds: [evidence.id] } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              },
            }),
          );
        });
        if (done) {
          setFile(null);
          setNote('');
        }
      }}
    >
      <CodeSelect
        size="xs"
        label={t('monitoring.statusHeader')}
        value={status}
        onChange={setStatus}
        codes={SPONSOR_STATUSES}
        labelOf={(value) => t(`monitoring.status.${value}`)}
      />
      <FileInput
        size="xs"
        label={t('monitoring.evidenceFile')}
        placeholder={t('documents.choose')}
        value={file}
        clearable
        clearButtonProps={{ 'aria-label': t('documents.clear') }}
        onChange={setFile}
      />
      <TextInput
        size="xs"
        label={t('monitoring.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <ProblemAlert error={command.error} onReload={command.reload} />
      <Group>
        <Button size="xs" type="submit" loading={command.busy}>
          {t('monitoring.saveItem')}
        </Button>
      </Group>
    </Stack>
  );
}

function Reports({ view, live }: { view: SponsorApplicationView; live: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('monitoring.reportsTitle')} id="reports">
      <ReportsList applicationId={view.id} />
      {live ? <FileReport view={view} /> : null}
    </Section>
  );
}

/** Hundredths for DSCR and LTIFR (the form takes 1.05, the API 105); percentages with up to two decimals. */
const HUNDREDTHS = new Set(['dscrActual', 'lostTimeInjuryFrequency']);

function FileReport({ view }: { view: SponsorApplicationView }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const [year, setYear] = useState(String(new Date().getUTCFullYear()));
  const [values, setValues] = useState<Record<string, string>>({});
  const [file, setFile] = useState<File | null>(null);
  const [filed, setFiled] = useState<number | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const fieldErrors = fieldErrorsOf(command.error);
  async function submit() {
    setFiled(null);
    const problems: Record<string, string> = {};
    const figures: Record<string, number> = {};
    for (const key of FIGURES) {
      const value = parseNumber(values[key] ?? '');
      if (value === undefined) problems[key] = t('validation.required');
      else figures[key] = HUNDREDTHS.has(key) ? Math.round(value * 100) : value;
    }
    if (!file) problems.document = t('validation.required');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await command.run(async () => {
      const document = await uploadDocument(view.id, 'other', file as File);
      return call(
        api.POST('/api/v1/applications/{id}/monitoring-reports', {
          params: { path: { id: view.id } },
          body: {
            documentId: document.id,
            figures: { ...(figures as Omit<AmrFigures, 'year'>), year: Number(year) },
            // No expectedVersion: the upload just above changed the application's version; one report per
            // year is the API's own guard (AMR.YEAR_CONFLICT).
          },
        }),
      );
    });
    if (result) {
      setFiled(result.breaches.length);
      setValues({});
      setFile(null);
    }
  }
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('monitoring.fileReport')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Text fw={600}>{t('monitoring.fileReport')}</Text>
      <Text size="sm">{t('monitoring.fileReportHelp')}</Text>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t('monitoring.year')}
          value={year}
          inputMode="numeric"
          required
          error={fieldErrors['figures.year']}
          onChange={(event) => setYear(event.currentTarget.value)}
          w={120}
        />
        {FIGURES.map((key) => (
          <TextInput
            key={key}
            label={t(`monitoring.figure.${key}`)}
            description={t(`monitoring.figureHint.${key}`, { defaultValue: '' }) || undefined}
            value={values[key] ?? ''}
            inputMode="decimal"
            required
            error={local[key] ?? fieldErrors[`figures.${key}`]}
            onChange={(event) => {
              const next = event.currentTarget.value;
              setValues((current) => ({ ...current, [key]: next }));
            }}
            w={220}
          />
        ))}
      </Group>
      <FileInput
        label={t('monitoring.reportDocument')}
        placeholder={t('documents.choose')}
        value={file}
        required
        error={local.document ?? fieldErrors.documentId}
        onChange={setFile}
        maw={420}
      />
      <ProblemAlert error={command.error} onReload={command.reload} />
      {filed !== null ? (
        <div role="status">
          {filed > 0 ? t('monitoring.filedWithBreaches', { count: filed }) : t('monitoring.filedAllMet')}
        </div>
      ) : null}
      <Group>
        <Button type="submit" loading={command.busy}>
          {t('monitoring.fileReportButton')}
        </Button>
      </Group>
    </Stack>
  );
}

function Incidents({ view, live }: { view: SponsorApplicationView; live: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('monitoring.incidentsTitle')} id="incidents">
      <IncidentsList
        applicationId={view.id}
        actions={(incident) =>
          live && incident.status === 'open' ? (
            <IncidentFollowUp applicationId={view.id} version={view.version} incident={incident} />
          ) : null
        }
      />
      {live ? (
        <>
          <Text fw={600}>{t('monitoring.reportIncident')}</Text>
          <Text size="sm">{t('monitoring.incidentRule')}</Text>
          <ReportIncidentForm applicationId={view.id} version={view.version} />
        </>
      ) : null}
    </Section>
  );
}
