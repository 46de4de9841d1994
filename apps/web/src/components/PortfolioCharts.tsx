import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/types';

type ExposureRow = Schemas['ExposureRowDto'];

const CATEGORY_COLORS: Record<string, string> = {
  A: 'red.7',
  B: 'orange.6',
  C: 'teal.7',
  FI: 'indigo.6',
  none: 'gray.5',
};

/** Share of the envelope per value, with the per-value limit drawn across (the table holds the figures). */
export function ExposureChart({ rows, label }: { rows: ExposureRow[]; label(key: string): string }) {
  const { t } = useTranslation();
  const series = t('portfolio.shareOfEnvelope');
  const data = rows
    .slice(0, 8)
    .map((row) => ({ key: label(row.key), [series]: row.shareOfEnvelopeBp / 100 }));
  const limit = rows.find((row) => row.limit)?.limit;
  if (data.length === 0) return null;
  return (
    <div aria-hidden="true">
      <BarChart
        h={200}
        data={data}
        dataKey="key"
        unit="%"
        series={[{ name: series, color: 'forge.7' }]}
        referenceLines={
          limit
            ? [
                {
                  y: limit.limitBp / 100,
                  color: 'red.7',
                  label: `${t('portfolio.limit')} ${limit.limitBp / 100}%`,
                },
              ]
            : []
        }
        yAxisProps={{ domain: [0, (max: number) => Math.max(max, (limit?.limitBp ?? 0) / 100) * 1.1] }}
        tickLine="y"
        barChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}

export function CategoryChart({ rows }: { rows: Schemas['CategoryRowDto'][] }) {
  const { t } = useTranslation();
  const data = rows
    .filter((row) => row.usd > 0)
    .map((row) => ({
      name: row.category === 'none' ? t('portfolio.noCategory') : row.category,
      value: row.usd,
      color: CATEGORY_COLORS[row.category] ?? 'gray.5',
    }));
  if (data.length === 0) return null;
  return (
    <div aria-hidden="true">
      <DonutChart
        data={data}
        h={180}
        withTooltip={false}
        withLabels={false}
        mx="auto"
        pieProps={{ rootTabIndex: -1 }}
        pieChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}
