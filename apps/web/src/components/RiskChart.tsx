import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';

/**
 * Gross and residual score of each factor (1 low … 4 high), side by side. The same figures are in the
 * factor table next to it, so the chart is decoration for screen readers (the table is the data).
 */
export default function RiskChart({
  factors,
}: {
  factors: Array<{ code: string; gross: number; residual: number }>;
}) {
  const { t } = useTranslation();
  const data = factors.map((factor) => ({
    factor: factor.code.replace(/^F(\d)_.*/, 'F$1'),
    [t('risk.gross')]: factor.gross,
    [t('risk.residual')]: factor.residual,
  }));
  return (
    <div aria-hidden="true">
      <BarChart
        h={240}
        data={data}
        dataKey="factor"
        yAxisProps={{ domain: [0, 4], ticks: [1, 2, 3, 4], allowDecimals: false }}
        series={[
          { name: t('risk.gross'), color: 'red.7' },
          { name: t('risk.residual'), color: 'teal.8' },
        ]}
        withLegend
        tickLine="y"
        // The figures are in the factor table: the chart is not a keyboard stop of its own.
        barChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}
