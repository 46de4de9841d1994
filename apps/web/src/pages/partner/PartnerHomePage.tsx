import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCofinancedApplications, type CofinancingView } from '../../api/cofinancing';
import { CofinancingStatusBadge } from '../../components/CofinancingLines';
import { StageBadge } from '../../components/Codes';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useCountryName, useFormat } from '../../lib/format';
import { enumLabel } from '../../lib/labels';

/**
 * A co-financing partner's start page (portfolio.md "Co-financing and mobilisation"): the projects its
 * organisation co-finances, from committee on (the API answers nothing else), with its own lines. One round
 * trip: `GET /cofinancing`.
 */
export default function PartnerHomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const projects = useCofinancedApplications();
  return (
    <>
      <PageHeader title={t('partner.homeTitle')} subtitle={t('partner.homeSubtitle')} />
      <Section title={t('partner.projects')} id="projects">
        <QueryState query={projects} empty={t('partner.noProjects')}>
          {(items) => (
            <DataTable<CofinancingView>
              caption={t('partner.projectsCaption')}
              rows={items}
              rowKey={(item) => item.applicationId}
              minWidth={820}
              columns={[
                {
                  header: t('applications.reference'),
                  rowHeader: true,
                  cell: (item) => (
                    <Anchor
                      component={Link}
                      to={`/partner/projects/${item.applicationId}`}
                      ff="monospace"
                      fw={600}
                    >
                      {item.reference}
                    </Anchor>
                  ),
                },
                { header: t('applications.titleColumn'), cell: (item) => item.title },
                { header: t('applications.country'), cell: (item) => countryName(item.country) },
                {
                  header: t('applications.mineral'),
                  cell: (item) => enumLabel(t, 'mineral', item.mineral),
                },
                { header: t('applications.stage'), cell: (item) => <StageBadge stage={item.stage} /> },
                {
                  header: t('partner.yourLines'),
                  cell: (item) => (
                    <Stack gap={2}>
                      {item.lines.map((line) => (
                        <Text key={line.instrument} size="sm" component="div">
                          {enumLabel(t, 'instrument', line.instrument)} · {format.usd(line.amountUsd)}{' '}
                          <CofinancingStatusBadge status={line.status} />
                        </Text>
                      ))}
                    </Stack>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Section>
    </>
  );
}
