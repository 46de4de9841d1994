import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Loader,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import { useApplication } from '../../api/queries';
import { useSession } from '../../api/session';
import type { ApplicationView } from '../../api/types';
import { CheckCode, OutcomeBadge, ReferenceStage } from '../../components/Codes';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageQuery } from '../../components/QueryState';
import { RiskAssessmentView } from '../../components/RiskAssessmentView';
import { Section } from '../../components/Section';
import { useCountryName, useFormat } from '../../lib/format';
import { documentKindLabel, enumLabel } from '../../lib/labels';
import { useCommand } from '../officer/application/command';
import { ScrollTable } from '../../components/ScrollTable';

type Decision = 'approve' | 'reject' | 'abstain';

/** The forms say what is missing inline, in the user's language, instead of the browser's own bubble. */
const NO_BROWSER_VALIDATION: Record<string, unknown> = { noValidate: true };

/**
 * A committee member's application page (console.md): the frozen IC pack with its hash, the member's vote
 * or recusal with a conflict-of-interest declaration, and the outcome. Votes are blind while the round is
 * open: the page shows the member's own vote and how many were cast, never how the others voted, until
 * the committee has decided.
 */
export default function CommitteeApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const application = useApplication(id);
  return (
    <PageQuery query={application} title={t('committee.applicationTitle')}>
      {(view) => <CommitteeApplication view={view} />}
    </PageQuery>
  );
}

function CommitteeApplication({ view }: { view: ApplicationView }) {
  return (
    <>
      <PageHeader
        title={view.title ?? view.reference}
        subtitle={<ReferenceStage reference={view.reference} stage={view.stage} />}
      />
      <Stack gap="md">
        <Outcome view={view} />
        <VotePanel view={view} />
        <IcPack view={view} />
      </Stack>
    </>
  );
}

function Outcome({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const { committee } = view;
  if (committee.decision === null) return null;
  const count = (decision: Decision) => committee.votes.filter((vote) => vote.decision === decision).length;
  return (
    <Section title={t('committee.outcome')} id="outcome">
      <Group gap="sm">
        <Badge size="lg" color={committee.decision === 'approved' ? 'green' : 'red'} variant="light">
          {t(`decision.${committee.decision}`)}
        </Badge>
        <Text size="sm">
          {t('committee.tally', {
            approve: count('approve'),
            reject: count('reject'),
            abstain: count('abstain'),
            recused: committee.votes.filter((vote) => vote.status === 'recused').length,
          })}
        </Text>
      </Group>
      <ScrollTable minWidth={480}>
        <Table striped>
          <Table.Caption>{t('committee.votesCaption', { round: committee.round })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('committee.vote')}</Table.Th>
              <Table.Th scope="col">{t('committee.rationale')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {committee.votes.map((vote) => (
              <Table.Tr key={vote.userId}>
                <Table.Td>
                  {vote.status === 'recused'
                    ? t('committee.recused')
                    : t(`decision.${vote.decision ?? 'abstain'}`)}
                </Table.Td>
                <Table.Td>{vote.rationale}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

function VotePanel({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const { committee } = view;
  const mine = committee.votes.find((vote) => vote.userId === user?.id);
  if (view.stage !== 'committee' || committee.decision !== null) {
    return mine ? (
      <Section title={t('committee.yourVote')} id="your-vote">
        <MyVote vote={mine} />
      </Section>
    ) : null;
  }
  return (
    <Section title={t('committee.yourVote')} id="your-vote">
      {committee.status === 'open' && committee.deadline ? (
        <Text size="sm">
          {t('committee.roundOpen', {
            round: committee.round,
            date: format.dateTime(committee.deadline),
            count: committee.awaiting.length,
          })}
        </Text>
      ) : null}
      <Text size="sm">
        {t('committee.blind', { cast: committee.votes.length, quorum: committee.quorum })}
      </Text>
      {mine ? (
        <MyVote vote={mine} />
      ) : committee.movedToCommitteeBy === user?.id ? (
        <Alert color="gray" variant="light">
          {t('committee.notEligibleMover')}
        </Alert>
      ) : user && !committee.eligibleMemberIds.includes(user.id) ? (
        <Alert color="gray" variant="light">
          {t('committee.notEligible')}
        </Alert>
      ) : (
        <VoteForms view={view} />
      )}
    </Section>
  );
}

function MyVote({ vote }: { vote: ApplicationView['committee']['votes'][number] }) {
  const { t } = useTranslation();
  return (
    <Alert color="forge" variant="light" title={t('committee.recorded')}>
      <Text size="sm">
        {vote.status === 'recused'
          ? t('committee.youRecused')
          : t('committee.youVoted', { decision: t(`decision.${vote.decision ?? 'abstain'}`) })}
      </Text>
      <Text size="sm">{vote.rationale}</Text>
    </Alert>
  );
}

function VoteForms({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const [decision, setDecision] = useState<Decision | ''>('');
  const [rationale, setRationale] = useState('');
  const [conflict, setConflict] = useState(false);
  const [declaration, setDeclaration] = useState('');
  const [missing, setMissing] = useState<string | null>(null);

  async function vote() {
    if (decision === '') return setMissing('decision');
    if (rationale.trim() === '') return setMissing('rationale');
    setMissing(null);
    await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/committee/votes', {
          params: { path: { id: view.id } },
          body: { decision, rationale: rationale.trim() },
        }),
      ),
    );
  }
  async function recuse() {
    if (declaration.trim() === '') return setMissing('declaration');
    setMissing(null);
    await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/committee/votes', {
          params: { path: { id: view.id } },
          body: { conflictOfInterest: true, rationale: declaration.trim() },
        }),
      ),
    );
  }

  return (
    <Stack gap="md">
      <ProblemAlert error={command.error} onReload={command.reload} />
      {conflict ? null : (
        <Stack
          gap="sm"
          component="form"
          {...NO_BROWSER_VALIDATION}
          onSubmit={(event) => {
            event.preventDefault();
            void vote();
          }}
        >
          <Radio.Group
            label={t('committee.decisionLabel')}
            value={decision}
            onChange={(value) => setDecision(value as Decision)}
            error={missing === 'decision' ? t('committee.decisionMissing') : undefined}
            required
          >
            <Group gap="md" mt={4}>
              {(['approve', 'reject', 'abstain'] as const).map((option) => (
                <Radio key={option} value={option} label={t(`decision.${option}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('committee.rationale')}
            description={t('committee.rationaleHelp')}
            value={rationale}
            autosize
            minRows={2}
            required
            error={missing === 'rationale' ? t('committee.rationaleMissing') : undefined}
            onChange={(event) => setRationale(event.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={command.busy}>
              {t('committee.castVote')}
            </Button>
          </Group>
        </Stack>
      )}
      <Checkbox
        label={t('committee.conflictLabel')}
        description={t('committee.conflictHelp')}
        checked={conflict}
        onChange={(event) => setConflict(event.currentTarget.checked)}
      />
      {conflict ? (
        <Stack
          gap="sm"
          component="form"
          {...NO_BROWSER_VALIDATION}
          onSubmit={(event) => {
            event.preventDefault();
            void recuse();
          }}
        >
          <Textarea
            label={t('committee.declaration')}
            description={t('committee.declarationHelp')}
            value={declaration}
            autosize
            minRows={2}
            required
            error={missing === 'declaration' ? t('committee.declarationMissing') : undefined}
            onChange={(event) => setDeclaration(event.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={command.busy}>
              {t('committee.recuse')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

/**
 * The IC pack exactly as frozen when the round opened (`GET /applications/:id/committee/pack`): its SHA-256,
 * the input, category, financing, conditions precedent, checks, documents with their hashes and the
 * reference data in force; the risk assessment it names is shown in full.
 */
function IcPack({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const frozen = useQuery({
    queryKey: ['application', view.id, 'committee', 'pack', view.committee.round],
    enabled: view.committee.icPackHash !== null,
    staleTime: Infinity,
    queryFn: () =>
      call(api.GET('/api/v1/applications/{id}/committee/pack', { params: { path: { id: view.id } } })),
  });
  const assessmentId = frozen.data?.assessmentId;
  const assessment = useQuery({
    queryKey: ['risk-assessment', assessmentId],
    enabled: Boolean(assessmentId),
    staleTime: Infinity,
    queryFn: () =>
      call(api.GET('/api/v1/risk-assessments/{id}', { params: { path: { id: assessmentId as string } } })),
  });
  if (view.committee.icPackHash === null) {
    return (
      <Section title={t('committee.pack')} id="ic-pack">
        <Text size="sm">{t('committee.noPack')}</Text>
      </Section>
    );
  }
  // The body is the frozen snapshot itself; its hash, round and opening come with the application view.
  const pack = frozen.data;
  const { icPackHash, round, openedAt } = view.committee;
  const input = pack?.input;
  const financing = pack?.financing;
  // Conditions recorded on the application when the pack was frozen, else those of the financing structure.
  const conditions =
    pack && pack.conditionsPrecedent.length > 0
      ? pack.conditionsPrecedent.map((condition) => condition.text)
      : (financing?.conditionsPrecedent ?? []);
  return (
    <Section title={t('committee.pack')} id="ic-pack">
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t('committee.packHash')}
        </Text>
        <Code block aria-label={t('committee.packHash')}>
          {icPackHash}
        </Code>
        <Text size="xs" c="dimmed">
          {openedAt
            ? t('committee.packFrozen', { round, date: format.dateTime(openedAt) })
            : t('committee.packHashHelp')}
        </Text>
      </Stack>
      <ProblemAlert error={frozen.error} />
      {frozen.isPending ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
      {pack && input && financing ? (
        <>
          <Facts
            items={[
              [
                t('field.country'),
                `${countryName(input.country)}${input.region ? ` · ${input.region}` : ''}`,
              ],
              [t('field.mineral'), input.mineral ? enumLabel(t, 'mineral', input.mineral) : null],
              [
                t('field.valueChainSegment'),
                input.valueChainSegment ? enumLabel(t, 'valueChainSegment', input.valueChainSegment) : null,
              ],
              [t('field.capexUsd'), format.usd(input.capexUsd)],
              [t('committee.category'), pack.category],
              [t('field.instrument'), enumLabel(t, 'instrument', financing.instrument)],
              [t('officer.financing.amount'), format.usd(financing.amountUsd)],
              [t('field.tenorYears'), financing.tenorYears],
              [
                t('officer.financing.mitigants'),
                financing.mitigants.map((mitigant) => t(`mitigant.${mitigant.type}`)).join(', ') || '—',
              ],
            ]}
          />
          {input.summary ? <Text size="sm">{input.summary}</Text> : null}
          {conditions.length > 0 ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('officer.financing.conditionsTitle')}
              </Text>
              {conditions.map((text, index) => (
                <Text key={`${index}-${text}`} size="sm">
                  • {text}
                </Text>
              ))}
            </Stack>
          ) : null}
          <Text size="sm" fw={600}>
            {t('committee.packRisk')}
          </Text>
          <ProblemAlert error={assessment.error} />
          {assessment.data ? (
            <RiskAssessmentView assessment={assessment.data} />
          ) : (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          )}
          <ScrollTable minWidth={480}>
            <Table striped>
              <Table.Caption>{t('committee.checksCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('committee.check')}</Table.Th>
                  <Table.Th scope="col">{t('committee.checkOutcome')}</Table.Th>
                  <Table.Th scope="col">{t('committee.checkNote')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pack.checks.map((check) => (
                  <Table.Tr key={check.id}>
                    <Table.Td>
                      <CheckCode code={check.code} />
                    </Table.Td>
                    <Table.Td>
                      <OutcomeBadge outcome={check.outcome} />
                    </Table.Td>
                    <Table.Td>{check.note ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {pack.documents.length > 0 ? (
            <ScrollTable minWidth={480}>
              <Table striped>
                <Table.Caption>{t('committee.documentsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('committee.document')}</Table.Th>
                    <Table.Th scope="col">SHA-256</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pack.documents.map((document) => (
                    <Table.Tr key={document.id}>
                      <Table.Td>
                        {documentKindLabel(t, document.kind)} · {document.filename ?? '—'}
                      </Table.Td>
                      <Table.Td>
                        <Code style={{ wordBreak: 'break-all' }}>{document.sha256}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('committee.referenceData')}{' '}
            {Object.entries(pack.referenceSnapshots)
              .map(([kind, sha]) => `${kind} ${sha.slice(0, 12)}…`)
              .join(' · ')}
          </Text>
        </>
      ) : null}
    </Section>
  );
}
