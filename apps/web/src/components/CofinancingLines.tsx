import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CofinancingLineView, CofinancingView } from '../api/cofinancing';
import { useFormat } from '../lib/format';
import { enumLabel } from '../lib/labels';
import { SoftBadge } from './Codes';
import { DataTable, type Column } from './DataTable';
import { Facts } from './Facts';

const STATUS_COLORS: Record<string, string> = { indicated: 'gray', committed: 'blue', signed: 'green' };

export function CofinancingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <SoftBadge color={STATUS_COLORS[status] ?? 'gray'} title={status}>
      {enumLabel(t, 'cofinancingStatus', status)}
    </SoftBadge>
  );
}

/**
 * An application's co-financing as the API serves it to the reader (portfolio.md): the FORGE amount, private
 * direct mobilisation and the mobilisation ratio (over every line, whoever reads), then the lines the reader
 * sees (staff: every line; a partner: its organisation's), with `actions(line)` in a last column when given.
 */
export function CofinancingLines({
  view,
  caption,
  actions,
}: {
  view: CofinancingView;
  caption: string;
  actions?: { header: string; cell(line: CofinancingLineView): ReactNode };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: Array<Column<CofinancingLineView>> = [
    { header: t('cofinancing.organization'), cell: (line) => line.organizationName, rowHeader: true },
    {
      header: t('cofinancing.sector'),
      cell: (line) => (line.sector ? enumLabel(t, 'cofinancierSector', line.sector) : '—'),
    },
    { header: t('field.instrument'), cell: (line) => enumLabel(t, 'instrument', line.instrument) },
    { header: t('cofinancing.amount'), cell: (line) => format.usd(line.amountUsd), numeric: true },
    { header: t('cofinancing.status'), cell: (line) => <CofinancingStatusBadge status={line.status} /> },
  ];
  if (actions) columns.push({ header: actions.header, cell: actions.cell });
  return (
    <Stack gap="sm">
      <Facts
        items={[
          [t('cofinancing.forgeAmount'), format.usd(view.forgeAmountUsd)],
          [t('cofinancing.privateMobilisation'), format.usd(view.privateDirectMobilisationUsd)],
          [t('cofinancing.ratio'), format.ratio(view.mobilisationRatioHundredths)],
        ]}
      />
      <Text size="xs" c="dark.5">
        {t('cofinancing.mobilisationRule')}
      </Text>
      {view.lines.length === 0 ? (
        <Text size="sm">{t('cofinancing.noLines')}</Text>
      ) : (
        <DataTable
          caption={caption}
          rows={view.lines}
          rowKey={(line) => `${line.organizationId} ${line.instrument}`}
          columns={columns}
        />
      )}
    </Stack>
  );
}
