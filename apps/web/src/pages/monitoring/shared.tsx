import type { ReactNode } from 'react';
import { Badge, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEsap, useIncidents, useReports } from '../../api/monitoring';
import type {
  AmrFigures,
  Disbursement,
  DisbursementsView,
  EsapItem,
  Incident,
  MonitoringReport,
} from '../../api/monitoring';
import { SoftBadge } from '../../components/Codes';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { Facts } from '../../components/Facts';
import { useFormat } from '../../lib/format';

const COLORS: Record<string, string> = {
  requested: 'blue',
  proposed: 'orange',
  disbursed: 'green',
  declined: 'red',
  rejected: 'red',
  cancelled: 'gray',
  open: 'blue',
  in_progress: 'indigo',
  done: 'orange',
  verified: 'green',
  closed: 'gray',
};

/** A status code with its translated label (`monitoring.status.<code>`); the code stays as its title. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <SoftBadge color={COLORS[status] ?? 'gray'} title={status}>
      {t(`monitoring.status.${status}`, { defaultValue: status })}
    </SoftBadge>
  );
}

/** What was lent, paid out, paid back and is outstanding. */
export function MoneyFacts({ data }: { data: DisbursementsView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Facts
      cols={4}
      items={[
        [t('monitoring.forgeAmount'), format.usd(data.forgeAmountUsd)],
        [t('monitoring.disbursed'), format.usd(data.disbursedUsd)],
        [t('monitoring.repaid'), format.usd(data.repaidUsd)],
        [t('monitoring.outstanding'), format.usd(data.outstandingUsd)],
      ]}
    />
  );
}

/** The tranches with their conditions (condition precedent or ESAP item, named by `conditionText`). */
export function TranchesTable({
  data,
  conditionText,
}: {
  data: DisbursementsView;
  conditionText(id: string): ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('monitoring.tranchesCaption')}
      minWidth={640}
      rows={data.tranches}
      rowKey={(tranche) => tranche.id}
      columns={[
        { header: t('monitoring.tranche'), cell: (tranche) => tranche.id, rowHeader: true },
        { header: t('monitoring.amount'), cell: (tranche) => format.usd(tranche.amountUsd), numeric: true },
        {
          header: t('monitoring.disbursed'),
          cell: (tranche) => format.usd(tranche.disbursedUsd),
          numeric: true,
        },
        { header: t('monitoring.inProgress'), cell: (tranche) => format.usd(tranche.openUsd), numeric: true },
        {
          header: t('monitoring.available'),
          cell: (tranche) => format.usd(tranche.availableUsd),
          numeric: true,
        },
        {
          header: t('monitoring.conditions'),
          cell: (tranche) =>
            tranche.conditionIds.length === 0 ? (
              t('common.none')
            ) : (
              <Stack gap={2}>
                {tranche.conditionIds.map((id) => (
                  <div key={id}>{conditionText(id)}</div>
                ))}
              </Stack>
            ),
        },
      ]}
    />
  );
}

export function DisbursementsTable({
  rows,
  actions,
}: {
  rows: Disbursement[];
  actions?(row: Disbursement): ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rows.length === 0) return <Text size="sm">{t('monitoring.noDisbursements')}</Text>;
  return (
    <DataTable
      caption={t('monitoring.disbursementsCaption')}
      minWidth={720}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { header: t('monitoring.requestedAt'), cell: (row) => format.date(row.requestedAt), rowHeader: true },
        { header: t('monitoring.tranche'), cell: (row) => row.trancheId },
        { header: t('monitoring.amount'), cell: (row) => format.usd(row.amountUsd), numeric: true },
        { header: t('monitoring.statusHeader'), cell: (row) => <StatusBadge status={row.status} /> },
        { header: t('monitoring.valueDate'), cell: (row) => format.date(row.valueDate) },
        { header: t('monitoring.note'), cell: (row) => row.note ?? '—' },
        ...(actions ? [{ header: t('monitoring.actions'), cell: actions }] : []),
      ]}
    />
  );
}

export function RepaymentsTable({ data }: { data: DisbursementsView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (data.repayments.length === 0) return <Text size="sm">{t('monitoring.noRepayments')}</Text>;
  return (
    <DataTable
      caption={t('monitoring.repaymentsCaption')}
      rows={data.repayments}
      rowKey={(row) => row.id}
      columns={[
        { header: t('monitoring.valueDate'), cell: (row) => format.date(row.valueDate), rowHeader: true },
        { header: t('monitoring.amount'), cell: (row) => format.usd(row.amountUsd), numeric: true },
        { header: t('monitoring.note'), cell: (row) => row.note ?? '—' },
      ]}
    />
  );
}

/** ESAP items: standard, action, due date (overdue flagged), status, evidence and the last note. */
export function EsapTable({
  items,
  documentName,
  actions,
}: {
  items: EsapItem[];
  documentName(id: string): string;
  actions?(item: EsapItem): ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <Text size="sm">{t('monitoring.noEsap')}</Text>;
  return (
    <DataTable
      caption={t('monitoring.esapCaption')}
      minWidth={760}
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        { header: t('monitoring.esapAction'), cell: (item) => item.description, rowHeader: true },
        {
          header: t('monitoring.standard'),
          cell: (item) => <Code title={t(`monitoring.ps.${item.standard}`)}>{item.standard}</Code>,
        },
        {
          header: t('monitoring.due'),
          cell: (item) => (
            <Group gap={4} wrap="nowrap">
              <span>{format.date(`${item.dueDate}T12:00:00Z`)}</span>
              {item.overdue ? <SoftBadge color="red">{t('monitoring.overdue')}</SoftBadge> : null}
            </Group>
          ),
        },
        { header: t('monitoring.statusHeader'), cell: (item) => <StatusBadge status={item.status} /> },
        {
          header: t('monitoring.evidence'),
          cell: (item) =>
            item.evidenceDocumentIds.length === 0
              ? '—'
              : item.evidenceDocumentIds.map(documentName).join(', '),
        },
        { header: t('monitoring.note'), cell: (item) => item.note ?? '—' },
        ...(actions ? [{ header: t('monitoring.actions'), cell: actions }] : []),
      ]}
    />
  );
}

export const FIGURES: Array<keyof Omit<AmrFigures, 'year'>> = [
  'dscrActual',
  'fatalities',
  'lostTimeInjuryFrequency',
  'waterWithdrawalM3',
  'ghgScope12Tonnes',
  'grievancesReceived',
  'grievancesResolved',
  'localEmploymentPct',
  'localProcurementPct',
];

/** A figure as the report states it: DSCR and LTIFR are integer hundredths, the percentages percent. */
export function useFigure() {
  const format = useFormat();
  return (key: string, value: number) =>
    key === 'dscrActual'
      ? `${format.number(value / 100, 2)}×`
      : key === 'lostTimeInjuryFrequency'
        ? format.number(value / 100, 2)
        : key.endsWith('Pct')
          ? format.percent(value)
          : format.number(value, 0);
}

/** One annual monitoring report: its figures and each covenant tested against them. */
export function ReportView({ report }: { report: MonitoringReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figure = useFigure();
  const covenantValue = (type: string, value: number) =>
    type === 'amr_on_time'
      ? t('monitoring.daysLate', { count: value })
      : type === 'min_dscr'
        ? figure('dscrActual', value)
        : type === 'max_ltifr'
          ? figure('lostTimeInjuryFrequency', value)
          : type.endsWith('_pct')
            ? format.percent(value / 100)
            : format.number(value, 0);
  const breaches = report.covenantResults.filter((result) => !result.met).length;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={t('monitoring.reportOf', { year: report.year })}
    >
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Text fw={700}>{t('monitoring.reportOf', { year: report.year })}</Text>
          <Text size="sm">
            {t('monitoring.filedOn', {
              date: format.date(report.submittedAt),
              due: format.date(`${report.dueDate}T12:00:00Z`),
            })}
          </Text>
          <SoftBadge color={breaches > 0 ? 'red' : 'green'}>
            {breaches > 0 ? t('monitoring.breaches', { count: breaches }) : t('monitoring.allMet')}
          </SoftBadge>
        </Group>
        <Facts
          cols={3}
          items={FIGURES.map((key) => [t(`monitoring.figure.${key}`), figure(key, report.figures[key])])}
        />
        <DataTable
          caption={t('monitoring.covenantResultsCaption', { year: report.year })}
          rows={report.covenantResults}
          rowKey={(result) => result.code}
          columns={[
            {
              header: t('monitoring.covenant'),
              cell: (result) => <Code>{result.code}</Code>,
              rowHeader: true,
            },
            { header: t('monitoring.kind'), cell: (result) => t(`monitoring.covenantKind.${result.kind}`) },
            { header: t('monitoring.actual'), cell: (result) => covenantValue(result.type, result.actual) },
            {
              header: t('monitoring.threshold'),
              cell: (result) => covenantValue(result.type, result.threshold),
            },
            {
              header: t('monitoring.result'),
              cell: (result) => (
                <SoftBadge color={result.met ? 'green' : 'red'}>
                  {result.met ? t('monitoring.met') : t('monitoring.breached')}
                </SoftBadge>
              ),
            },
            { header: t('monitoring.message'), cell: (result) => result.message },
          ]}
        />
      </Stack>
    </Paper>
  );
}

/** One incident: what, when, how serious, whether reported late, its updates; `children` adds actions. */
export function IncidentCard({ incident, children }: { incident: Incident; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = `${t(`monitoring.incidentKind.${incident.kind}`)} · ${format.dateTime(incident.occurredAt)}`;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={label}>
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Text fw={700}>{t(`monitoring.incidentKind.${incident.kind}`)}</Text>
          <SoftBadge color={incident.severity === 3 ? 'red' : 'gray'}>
            {t('monitoring.severityN', { severity: incident.severity })}
          </SoftBadge>
          <StatusBadge status={incident.status} />
          {incident.serious ? <SoftBadge color="red">{t('monitoring.serious')}</SoftBadge> : null}
          {incident.late ? (
            <Badge variant="filled" color="red.8">
              {t('monitoring.reportedLate')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">{incident.description}</Text>
        <Text size="xs" c="dimmed">
          {t('monitoring.occurredReported', {
            occurred: format.dateTime(incident.occurredAt),
            reported: format.dateTime(incident.reportedAt),
          })}
        </Text>
        {incident.updates.length > 0 ? (
          <Stack gap={2} component="ul" m={0} pl="md">
            {incident.updates.map((update, index) => (
              <Text size="sm" component="li" key={index}>
                <strong>{t(`monitoring.updateKind.${update.kind}`)}</strong> ({format.dateTime(update.at)}):{' '}
                {update.text}
              </Text>
            ))}
          </Stack>
        ) : null}
        {incident.closingNote ? (
          <Text size="sm">
            {t('monitoring.closedWith', { date: format.dateTime(incident.closedAt) })}: {incident.closingNote}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

/** A tranche's condition id in words: the condition precedent's text or the ESAP item's action, with its state. */
export function useConditionText(
  applicationId: string,
  conditions: ReadonlyArray<{ id: string; text: string; satisfied: boolean }>,
) {
  const { t } = useTranslation();
  const esap = useEsap(applicationId);
  return (id: string): ReactNode => {
    const condition = conditions.find((candidate) => candidate.id === id);
    if (condition)
      return (
        <Group gap={4} wrap="nowrap">
          <SoftBadge size="xs" color={condition.satisfied ? 'green' : 'gray'}>
            {condition.satisfied ? t('sponsor.satisfied') : t('sponsor.outstanding')}
          </SoftBadge>
          <Text size="sm">{condition.text}</Text>
        </Group>
      );
    const item = esap.data?.find((candidate) => candidate.id === id);
    if (item)
      return (
        <Text size="sm">
          {item.standard}: {item.description} ({t(`monitoring.status.${item.status}`)})
        </Text>
      );
    return <Code>{id}</Code>;
  };
}

/** A document id in words: its file name among the application's documents (or the id's start). */
export function documentNamer(documents: ReadonlyArray<{ id: string; filename: string | null }>) {
  return (id: string) => documents.find((document) => document.id === id)?.filename ?? id.slice(0, 8);
}

/** The application's annual reports, newest year first, each with its covenant results. */
export function ReportsList({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const reports = useReports(applicationId);
  return (
    <QueryState query={reports} empty={t('monitoring.noReports')}>
      {(rows) => (
        <Stack gap="sm">
          {rows.map((report) => (
            <ReportView key={report.id} report={report} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

/** The application's incidents; `actions(incident)` adds what the reader may do on one. */
export function IncidentsList({
  applicationId,
  actions,
}: {
  applicationId: string;
  actions?(incident: Incident): ReactNode;
}) {
  const { t } = useTranslation();
  const incidents = useIncidents(applicationId);
  return (
    <QueryState query={incidents} empty={t('monitoring.noIncidents')}>
      {(rows) => (
        <Stack gap="sm">
          {rows.map((incident) => (
            <IncidentCard key={incident.id} incident={incident}>
              {actions?.(incident)}
            </IncidentCard>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
