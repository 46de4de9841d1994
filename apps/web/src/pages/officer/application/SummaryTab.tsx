import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { ApplicationView, Stage } from '../../../api/types';
import { Facts } from '../../../components/Facts';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { Section } from '../../../components/Section';
import { useCountryName, useFormat } from '../../../lib/format';
import { enumLabel, stageLabel } from '../../../lib/labels';
import { useCommand } from './command';

/** The moves an officer may ask for from each stage (pipeline.md); the API checks the guards. */
export const OFFICER_MOVES: Record<string, Stage[]> = {
  submitted: ['rejected'],
  screening: ['esg_review', 'rejected'],
  esg_review: ['financing', 'rejected'],
  financing: ['committee', 'rejected'],
  committee: ['financing', 'rejected'],
  approved: ['financed', 'rejected'],
};
const REASON_REQUIRED = (from: string, to: string) =>
  to === 'rejected' || (from === 'committee' && to === 'financing');

export function SummaryTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  return (
    <Stack gap="md">
      <Section title={t('officer.summary')} id="summary">
        <Facts
          items={[
            [
              t('field.applicantType'),
              view.applicantType ? enumLabel(t, 'applicantType', view.applicantType) : null,
            ],
            [t('field.country'), `${countryName(view.country)}${view.region ? ` · ${view.region}` : ''}`],
            [t('field.mineral'), view.mineral ? enumLabel(t, 'mineral', view.mineral) : null],
            [
              t('field.valueChainSegment'),
              view.valueChainSegment ? enumLabel(t, 'valueChainSegment', view.valueChainSegment) : null,
            ],
            [
              t('field.projectPhase'),
              view.projectPhase ? enumLabel(t, 'projectPhase', view.projectPhase) : null,
            ],
            [t('field.capexUsd'), format.usd(view.capexUsd)],
            [t('field.requestedAmountUsd'), format.usd(view.requestedAmountUsd)],
            [t('field.instrument'), view.instrument ? enumLabel(t, 'instrument', view.instrument) : null],
            [t('field.tenorYears'), view.tenorYears],
            [t('officer.submittedAt'), format.dateTime(view.submittedAt)],
            [t('officer.version'), view.version],
            [t('officer.updatedAt'), format.dateTime(view.updatedAt)],
          ]}
        />
        {view.summary ? <Text size="sm">{view.summary}</Text> : null}
      </Section>
      <MovePanel view={view} />
    </Stack>
  );
}

function MovePanel({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const moves = OFFICER_MOVES[view.stage] ?? [];
  const [to, setTo] = useState<string>('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const command = useCommand(view.id);
  const target = to || moves[0] || '';
  if (moves.length === 0) {
    return (
      <Section title={t('officer.move.title')} id="move">
        <Text size="sm">{t('officer.move.none', { stage: stageLabel(t, view.stage) })}</Text>
      </Section>
    );
  }
  async function move() {
    if (REASON_REQUIRED(view.stage, target) && reason.trim() === '') {
      setMissing(true);
      return;
    }
    const result = await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/transitions', {
          params: { path: { id: view.id }, header: { 'if-match': String(view.version) } },
          body: {
            to: target as Stage,
            expectedVersion: view.version,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      ),
    );
    if (result) {
      setReason('');
      setTo('');
    }
  }
  return (
    <Section title={t('officer.move.title')} id="move">
      <Text size="sm">{t('officer.move.help')}</Text>
      <Group align="flex-end" wrap="wrap" grow>
        <NativeSelect
          label={t('officer.move.to')}
          value={target}
          onChange={(event) => setTo(event.currentTarget.value)}
          data={moves.map((stage) => ({
            value: stage,
            label:
              view.stage === 'committee' && stage === 'financing'
                ? t('officer.move.defer')
                : stageLabel(t, stage),
          }))}
          miw={200}
        />
        <Textarea
          label={
            REASON_REQUIRED(view.stage, target) ? t('officer.move.reasonRequired') : t('officer.move.reason')
          }
          value={reason}
          autosize
          minRows={1}
          error={missing ? t('validation.required') : undefined}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setMissing(false);
          }}
          miw={240}
        />
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
      <Group>
        <Button
          onClick={() => void move()}
          loading={command.busy}
          color={target === 'rejected' ? 'red.9' : undefined}
        >
          {target === 'rejected'
            ? t('officer.move.reject')
            : t('officer.move.submit', { stage: stageLabel(t, target) })}
        </Button>
      </Group>
    </Section>
  );
}
