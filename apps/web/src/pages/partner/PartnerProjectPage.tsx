import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import { useSponsorApplication } from '../../api/queries';
import { useCofinancing, type CofinancingLineView, type CofinancingView } from '../../api/cofinancing';
import { CofinancingLines } from '../../components/CofinancingLines';
import { ReferenceStage } from '../../components/Codes';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageQuery, QueryState } from '../../components/QueryState';
import { Standing } from '../../components/StageProgress';
import { ConditionsList } from '../../components/ConditionsList';
import { Section } from '../../components/Section';
import { useCountryName } from '../../lib/format';
import { enumLabel } from '../../lib/labels';

/**
 * A co-financed project as its partner reads it (portfolio.md): what the project is, where it stands (the
 * sponsor view of GET /applications/:id: stage, committee decision, conditions precedent), the FORGE amount,
 * private direct mobilisation and the ratio, and the partner organisation's own lines, each `indicated` line
 * with the one move the partner makes: commit it (audited). Read-only otherwise; 404 for a project its
 * organisation does not co-finance, or before committee.
 */
export default function PartnerProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const project = useCofinancing(id);
  return (
    <PageQuery query={project} title={t('partner.projectTitle')}>
      {(view) => <Project view={view} />}
    </PageQuery>
  );
}

function Project({ view }: { view: CofinancingView }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const command = useAction([['application', view.applicationId], ['cofinancing']]);
  const [committed, setCommitted] = useState<string | null>(null);
  async function commit(line: CofinancingLineView) {
    setCommitted(null);
    const answer = await command.run(
      () =>
        call(
          api.POST('/api/v1/applications/{id}/cofinancing/commit', {
            params: { path: { id: view.applicationId } },
            body: { instrument: line.instrument },
          }),
        ),
      line.instrument,
    );
    if (answer !== undefined) setCommitted(enumLabel(t, 'instrument', line.instrument));
  }
  return (
    <>
      <PageHeader
        title={view.title}
        subtitle={<ReferenceStage reference={view.reference} stage={view.stage} />}
      />
      <Stack gap="md">
        <Section title={t('partner.project')} id="project">
          <Facts
            items={[
              [t('applications.country'), countryName(view.country)],
              [t('applications.mineral'), enumLabel(t, 'mineral', view.mineral)],
              [t('field.valueChainSegment'), enumLabel(t, 'valueChainSegment', view.valueChainSegment)],
              [t('cofinancing.forgeInstrument'), enumLabel(t, 'instrument', view.instrument)],
            ]}
          />
        </Section>
        <WhereItStands id={view.applicationId} />
        <Section title={t('cofinancing.title')} id="cofinancing">
          <CofinancingLines
            view={view}
            caption={t('partner.linesCaption')}
            actions={{
              header: t('partner.action'),
              cell: (line) =>
                line.status === 'indicated' ? (
                  <Button
                    size="xs"
                    loading={command.running === line.instrument}
                    disabled={command.busy && command.running !== line.instrument}
                    onClick={() => void commit(line)}
                  >
                    {t('partner.commit', { instrument: enumLabel(t, 'instrument', line.instrument) })}
                  </Button>
                ) : null,
            }}
          />
          <ProblemAlert error={command.error} onReload={command.reload} />
          {committed ? <div role="status">{t('partner.committed', { instrument: committed })}</div> : null}
          <Text size="sm">{t('partner.commitHelp')}</Text>
        </Section>
      </Stack>
    </>
  );
}

/**
 * Where the project stands, from the sponsor view the API serves a partner (GET /applications/:id): the stage
 * progress, the committee's decision and the conditions precedent; never the fund's deliberation.
 */
function WhereItStands({ id }: { id: string }) {
  const { t } = useTranslation();
  const application = useSponsorApplication(id);
  return (
    <Section title={t('sponsor.standsTitle')} id="stands">
      <QueryState query={application}>
        {(view) => (
          <Stack gap="sm">
            <Standing stage={view.stage} committeeDecision={view.committeeDecision} />
            {view.conditionsPrecedent.length > 0 ? (
              <>
                <Text fw={600} size="sm">
                  {t('sponsor.conditionsTitle')}
                </Text>
                <ConditionsList conditions={view.conditionsPrecedent} />
              </>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
