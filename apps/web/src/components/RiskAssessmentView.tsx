import { lazy, Suspense } from 'react';
import { Badge, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/types';
import { useFormat } from '../lib/format';
import { BandBadge } from './BandBadge';
import { Facts } from './Facts';
import { ScrollTable } from './ScrollTable';

const RiskChart = lazy(() => import('./RiskChart'));

type Assessment = Schemas['RiskAssessmentDto'] | Schemas['LatestRiskAssessmentResponseDto'];

/**
 * A FORGE-RRS assessment as scoring.md records it: gross → residual score and band, the breakdown by factor
 * (chart and table) with the mitigants credited, expected loss, model version and the hashes that make it
 * reproducible.
 */
export function RiskAssessmentView({ assessment, current }: { assessment: Assessment; current?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap" align="center">
        <Text fw={700} size="lg">
          {t('risk.grossToResidual', {
            gross: format.score(assessment.gross.score),
            residual: format.score(assessment.residual.score),
          })}
        </Text>
        <BandBadge band={assessment.gross.band} />
        <Text aria-hidden>→</Text>
        <BandBadge band={assessment.residual.band} />
        {current === undefined ? null : current ? (
          <Badge color="green" variant="light">
            {t('risk.current')}
          </Badge>
        ) : (
          <Badge color="orange" variant="light">
            {t('risk.stale')}
          </Badge>
        )}
      </Group>
      <Facts
        cols={4}
        items={[
          [t('risk.model'), <Code key="m">FORGE-RRS {assessment.modelVersion}</Code>],
          [t('risk.computedAt'), format.dateTime(assessment.computedAt)],
          [t('risk.reduction'), format.hundredthsPercent(assessment.riskReductionPct)],
          [
            t('risk.expectedLoss'),
            t('risk.expectedLossValue', {
              gross: format.number(assessment.expectedLoss.grossBp / 100, 2),
              residual: format.number(assessment.expectedLoss.residualBp / 100, 2),
            }),
          ],
          [
            t('risk.inputsHash'),
            <Code key="i" title={assessment.inputsHash}>
              {assessment.inputsHash.slice(0, 16)}…
            </Code>,
          ],
          [
            t('risk.paramsHash'),
            <Code key="p" title={assessment.paramsHash}>
              {assessment.paramsHash.slice(0, 16)}…
            </Code>,
          ],
          [t('risk.applicationVersion'), assessment.applicationVersion],
          [t('risk.assessmentId'), <Code key="a">{assessment.id.slice(0, 8)}</Code>],
        ]}
      />
      <Suspense fallback={<Loader size="sm" role="status" aria-label={t('common.loading')} />}>
        <RiskChart factors={assessment.factors} />
      </Suspense>
      <ScrollTable minWidth={640}>
        <Table striped>
          <Table.Caption>{t('risk.factorsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risk.factor')}</Table.Th>
              <Table.Th scope="col">{t('risk.weight')}</Table.Th>
              <Table.Th scope="col">{t('risk.gross')}</Table.Th>
              <Table.Th scope="col">{t('risk.residual')}</Table.Th>
              <Table.Th scope="col">{t('risk.mitigants')}</Table.Th>
              <Table.Th scope="col">{t('risk.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessment.factors.map((factor) => (
              <Table.Tr key={factor.code}>
                <Table.Th scope="row">
                  <Code>{factor.code}</Code> {t(`risk.factors.${factor.code}`, { defaultValue: '' })}
                </Table.Th>
                <Table.Td>{format.hundredthsPercent(factor.weight)}</Table.Td>
                <Table.Td>{factor.gross}</Table.Td>
                <Table.Td>{factor.residual}</Table.Td>
                <Table.Td>
                  {factor.credits.length === 0
                    ? '—'
                    : factor.credits.map((credit) => (
                        <Text key={credit.mitigant} size="xs">
                          {t(`mitigant.${credit.mitigant}`, { defaultValue: credit.mitigant })} (−
                          {credit.notches})
                        </Text>
                      ))}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{factor.reason}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
