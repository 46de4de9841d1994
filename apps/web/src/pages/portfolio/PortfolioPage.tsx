import { lazy, Suspense } from 'react';
import { Anchor, Code, Grid, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Schemas } from '../../api/types';
import { StageBadge } from '../../components/Codes';
import { DataTable } from '../../components/DataTable';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useCountryName, useFormat, type Formatters } from '../../lib/format';
import { enumLabel } from '../../lib/labels';

// The charting library is its own chunk: the tables (which hold every figure) show first.
const ExposureChart = lazy(() =>
  import('../../components/PortfolioCharts').then((m) => ({ default: m.ExposureChart })),
);
const CategoryChart = lazy(() =>
  import('../../components/PortfolioCharts').then((m) => ({ default: m.CategoryChart })),
);

type Portfolio = Schemas['PortfolioViewDto'];
type ExposureRow = Schemas['ExposureRowDto'];
type LimitStatus = Schemas['LimitStatusDto'];
type Dimension = 'country' | 'mineral' | 'segment' | 'instrument';

const DIMENSIONS: Dimension[] = ['country', 'mineral', 'segment', 'instrument'];
const ENUM_GROUP: Record<Exclude<Dimension, 'country'>, string> = {
  mineral: 'mineral',
  segment: 'valueChainSegment',
  instrument: 'instrument',
};

/**
 * The fund as a whole (portfolio.md "Portfolio view"; officers, committee, auditors, admins): the envelope,
 * exposure by country, mineral, segment and instrument against the policy's limits, the pipeline funnel
 * with the median days in each stage, the category mix, the framework-country share, risk reduced and the
 * exposures as CSV. One round trip: `GET /portfolio`. Charts are decoration: every figure is in a table.
 */
export default function PortfolioPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const portfolio = useQuery({
    queryKey: ['portfolio'],
    queryFn: () => call(api.GET('/api/v1/portfolio')),
  });
  return (
    <>
      <PageHeader
        title={t('portfolio.title')}
        subtitle={
          portfolio.data ? (
            <Group gap="xs" wrap="wrap">
              <Text span size="sm">
                {t('portfolio.asOf', { date: format.dateTime(portfolio.data.asOf) })}
              </Text>
              <Text span size="sm">
                {t('portfolio.policy', {
                  policy: portfolio.data.policy.policy,
                  version: portfolio.data.policy.version,
                })}
              </Text>
              <Code title={portfolio.data.policy.hash}>{portfolio.data.policy.hash.slice(0, 12)}…</Code>
            </Group>
          ) : undefined
        }
        actions={
          <Anchor href="/api/v1/portfolio/exposures.csv" download="forge-exposures.csv">
            {t('portfolio.downloadCsv')}
          </Anchor>
        }
      />
      <QueryState query={portfolio}>{(view) => <Dashboard view={view} />}</QueryState>
    </>
  );
}

function Dashboard({ view }: { view: Portfolio }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const { envelope, riskReduced, frameworkCountries } = view;
  const label = (dimension: Dimension, key: string) =>
    dimension === 'country' ? countryName(key) : enumLabel(t, ENUM_GROUP[dimension], key);
  return (
    <Stack gap="md">
      <Section title={t('portfolio.envelopeTitle')} id="envelope">
        <Facts
          cols={3}
          items={[
            [t('portfolio.envelope'), format.usd(envelope.envelopeUsd)],
            [
              t('portfolio.committed'),
              t('portfolio.amountCount', {
                amount: format.usd(envelope.committedUsd),
                count: envelope.committedCount,
              }),
            ],
            [
              t('portfolio.financed'),
              t('portfolio.amountCount', {
                amount: format.usd(envelope.financedUsd),
                count: envelope.financedCount,
              }),
            ],
            [t('portfolio.available'), format.usd(envelope.availableUsd)],
            [
              t('portfolio.pipeline'),
              t('portfolio.amountCount', {
                amount: format.usd(envelope.pipelineUsd),
                count: envelope.pipelineCount,
              }),
            ],
          ]}
        />
        <Text size="xs" c="dimmed">
          {t('portfolio.envelopeHelp')}
        </Text>
      </Section>
      <Section title={t('portfolio.limitsTitle')} id="limits">
        <LimitsTable limits={view.limits} label={label} />
      </Section>
      <Grid gap="md">
        {DIMENSIONS.map((dimension) => (
          <Grid.Col key={dimension} span={{ base: 12, lg: 6 }}>
            <Section title={t(`portfolio.by.${dimension}`)} id={`by-${dimension}`}>
              <Suspense fallback={null}>
                <ExposureChart rows={view.exposures[dimension]} label={(key) => label(dimension, key)} />
              </Suspense>
              <DataTable
                caption={t('portfolio.exposureCaption', { dimension: t(`portfolio.dimension.${dimension}`) })}
                minWidth={480}
                rows={view.exposures[dimension]}
                rowKey={(row) => row.key}
                columns={[
                  {
                    header: t(`portfolio.dimension.${dimension}`),
                    cell: (row) => label(dimension, row.key),
                    rowHeader: true,
                  },
                  { header: t('portfolio.count'), cell: (row) => format.number(row.count, 0), numeric: true },
                  { header: t('portfolio.usd'), cell: (row) => format.usdCompact(row.usd), numeric: true },
                  {
                    header: t('portfolio.shareOfEnvelope'),
                    cell: (row) => format.percent(row.shareOfEnvelopeBp / 100),
                    numeric: true,
                  },
                  {
                    header: t('portfolio.limit'),
                    cell: (row) => <RowLimit row={row} limits={view.limits} />,
                  },
                ]}
              />
            </Section>
          </Grid.Col>
        ))}
      </Grid>
      <Section title={t('portfolio.funnelTitle')} id="funnel">
        <DataTable
          caption={t('portfolio.funnelCaption')}
          rows={view.funnel}
          rowKey={(row) => row.stage}
          columns={[
            {
              header: t('portfolio.stage'),
              cell: (row) => <StageBadge stage={row.stage} />,
              rowHeader: true,
            },
            { header: t('portfolio.count'), cell: (row) => format.number(row.count, 0), numeric: true },
            { header: t('portfolio.usd'), cell: (row) => format.usdCompact(row.usd), numeric: true },
            {
              header: t('portfolio.medianDays'),
              cell: (row) =>
                row.medianDaysInStage === null ? '—' : t('portfolio.days', { count: row.medianDaysInStage }),
              numeric: true,
            },
          ]}
        />
      </Section>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('portfolio.categoryTitle')} id="categories">
            <Suspense fallback={null}>
              <CategoryChart rows={view.categoryMix} />
            </Suspense>
            <DataTable
              caption={t('portfolio.categoryCaption')}
              minWidth={360}
              rows={view.categoryMix}
              rowKey={(row) => row.category}
              columns={[
                {
                  header: t('portfolio.category'),
                  cell: (row) => (row.category === 'none' ? t('portfolio.noCategory') : row.category),
                  rowHeader: true,
                },
                { header: t('portfolio.count'), cell: (row) => format.number(row.count, 0), numeric: true },
                { header: t('portfolio.usd'), cell: (row) => format.usdCompact(row.usd), numeric: true },
                {
                  header: t('portfolio.shareOfBook'),
                  cell: (row) => format.percent(row.shareBp / 100),
                  numeric: true,
                },
              ]}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Section title={t('portfolio.riskReducedTitle')} id="risk-reduced">
              <Text size="xl" fw={700}>
                {t('portfolio.perYear', { amount: format.usd(riskReduced.reducedUsdPerYear) })}
              </Text>
              <Facts
                cols={2}
                items={[
                  [
                    t('portfolio.grossEl'),
                    t('portfolio.perYear', { amount: format.usd(riskReduced.grossUsdPerYear) }),
                  ],
                  [
                    t('portfolio.residualEl'),
                    t('portfolio.perYear', { amount: format.usd(riskReduced.residualUsdPerYear) }),
                  ],
                  [t('portfolio.assessedApplications'), format.number(riskReduced.applications, 0)],
                  [t('portfolio.withoutAssessment'), format.number(riskReduced.withoutAssessment, 0)],
                ]}
              />
              <Text size="xs" c="dimmed">
                {t('portfolio.riskReducedHelp')}
              </Text>
            </Section>
            <Section title={t('portfolio.frameworkTitle')} id="framework">
              <Facts
                cols={2}
                items={[
                  [t('portfolio.shareOfBook'), format.percent(frameworkCountries.shareOfBookBp / 100)],
                  [t('portfolio.usd'), format.usd(frameworkCountries.usd)],
                  [
                    t('portfolio.frameworkCountries'),
                    frameworkCountries.countries.map(countryName).join(', '),
                  ],
                  [t('portfolio.mobilisation'), format.ratio(view.mobilisation.ratioHundredths)],
                ]}
              />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A limit's translated name (the policy's own English name when the console has none for the code). */
function limitName(t: TFunction, limit: LimitStatus): string {
  return t(`portfolio.limitName.${limit.limit}`, { defaultValue: limit.name });
}

/**
 * Whether a limit holds, in words (a text, not a badge: the words are never cut). Only a breach of a blocking
 * limit is coloured (red 9 keeps 4.5:1 on striped rows); the symbol carries the rest.
 */
function LimitBadge({ limit }: { limit: LimitStatus }) {
  const { t } = useTranslation();
  const text = limit.breached
    ? limit.blocking
      ? t('portfolio.breached')
      : t('portfolio.targetMissed')
    : limit.bound === 'min'
      ? t('portfolio.targetMet')
      : t('portfolio.within');
  return (
    <Text
      span
      size="sm"
      fw={limit.breached ? 700 : 500}
      c={limit.breached && limit.blocking ? 'red.9' : undefined}
    >
      {limit.breached ? '▲ ' : '✓ '}
      {text}
    </Text>
  );
}

/** What a limit measures, in words: the country, mineral, instruments or segments (the obligor by its id). */
const LIMIT_DIMENSION: Record<string, Dimension | 'obligor'> = {
  COUNTRY: 'country',
  MINERAL: 'mineral',
  OBLIGOR: 'obligor',
  RISK_CAPITAL: 'instrument',
  PROCESSING_TARGET: 'segment',
};

function MeasuredOn({
  limit,
  label,
}: {
  limit: LimitStatus;
  label(dimension: Dimension, key: string): string;
}) {
  const { t } = useTranslation();
  const dimension = LIMIT_DIMENSION[limit.limit];
  if (dimension === 'obligor')
    return (
      <>
        {t('portfolio.largestObligor')} <Code title={limit.key}>{limit.key.slice(0, 8)}</Code>
      </>
    );
  if (!dimension) return <>{limit.key}</>;
  return (
    <>
      {limit.key
        .split('+')
        .map((key) => label(dimension, key))
        .join(', ')}
    </>
  );
}

function boundText(t: TFunction, format: Formatters, limit: LimitStatus): string {
  return t(limit.bound === 'max' ? 'portfolio.atMost' : 'portfolio.atLeast', {
    pct: format.percent(limit.limitBp / 100),
    base: t(`portfolio.base.${limit.base}`),
  });
}

function LimitsTable({
  limits,
  label,
}: {
  limits: LimitStatus[];
  label(dimension: Dimension, key: string): string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('portfolio.limitsCaption')}
      minWidth={640}
      rows={limits}
      rowKey={(limit) => limit.limit}
      columns={[
        {
          header: t('portfolio.limit'),
          cell: (limit) => (
            <Group gap={6} wrap="nowrap">
              <Code>{limit.limit}</Code>
              <Text size="sm">{limitName(t, limit)}</Text>
            </Group>
          ),
          rowHeader: true,
        },
        { header: t('portfolio.measuredOn'), cell: (limit) => <MeasuredOn limit={limit} label={label} /> },
        { header: t('portfolio.share'), cell: (limit) => format.percent(limit.shareBp / 100), numeric: true },
        { header: t('portfolio.bound'), cell: (limit) => boundText(t, format, limit) },
        { header: t('portfolio.status'), cell: (limit) => <LimitBadge limit={limit} /> },
      ]}
    />
  );
}

/** The limit a row answers to: its own per-value limit, else the group limits or targets it belongs to. */
function RowLimit({ row, limits }: { row: ExposureRow; limits: LimitStatus[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (row.limit) {
    return (
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{boundText(t, format, row.limit)}</Text>
        <LimitBadge limit={row.limit} />
      </Group>
    );
  }
  const groups = limits.filter((limit) => row.groups.includes(limit.limit));
  if (groups.length === 0) return <>—</>;
  return (
    <Stack gap={2}>
      {groups.map((limit) => (
        <Text size="sm" key={limit.limit}>
          {limitName(t, limit)} ({boundText(t, format, limit)})
        </Text>
      ))}
    </Stack>
  );
}
