import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { DISPOSITION_STAGES, REVIEWABLE_STAGES } from '../../../api/monitoring';
import type { ApplicationView, CheckView } from '../../../api/types';
import { CheckCode, OutcomeBadge } from '../../../components/Codes';
import { Detail } from '../../../components/Detail';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { outcomeLabel, stageLabel } from '../../../lib/labels';
import { useCommand } from './command';
import { ScrollTable } from '../../../components/ScrollTable';

const OPEN = ['needs_review', 'fail', 'pending'];

/** Checks with outcome and evidence; an open one is resolved here (a waiver becomes a four-eyes item). */
export function ChecksTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  if (view.checks.length === 0) return <Text size="sm">{t('officer.checks.none')}</Text>;
  return (
    <ScrollTable minWidth={720}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>{t('officer.checks.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('officer.checks.code')}</Table.Th>
            <Table.Th scope="col">{t('applications.stage')}</Table.Th>
            <Table.Th scope="col">{t('officer.checks.outcome')}</Table.Th>
            <Table.Th scope="col">{t('officer.checks.evidence')}</Table.Th>
            <Table.Th scope="col">{t('officer.checks.resolve')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.checks.map((check) => (
            <Table.Tr key={check.id} data-check={check.code}>
              <Table.Td>
                <CheckCode code={check.code} />
              </Table.Td>
              <Table.Td>{stageLabel(t, check.stage)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <OutcomeBadge outcome={check.outcome} />
                  <Text size="xs" c="dimmed">
                    {check.automated ? t('officer.checks.automated') : t('officer.checks.manual')}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Detail value={check.detail} />
                {check.note ? <Text size="xs">{t('officer.checks.note', { note: check.note })}</Text> : null}
              </Table.Td>
              <Table.Td>
                {!OPEN.includes(check.outcome) ? null : REVIEWABLE_STAGES.includes(view.stage) ? (
                  <ResolveForm view={view} check={check} />
                ) : check.code === 'SANCTIONS.PARTIES' && DISPOSITION_STAGES.includes(view.stage) ? (
                  <Text size="xs">{t('officer.checks.afterClose')}</Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function ResolveForm({ view, check }: { view: ApplicationView; check: CheckView }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'pass' | 'fail' | 'waived'>('pass');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const command = useCommand(view.id);
  async function resolve() {
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    const done = await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/checks/{code}/resolve', {
          params: { path: { id: view.id, code: check.code }, header: { 'if-match': String(view.version) } },
          body: { outcome, note: note.trim(), expectedVersion: view.version },
        }),
      ),
    );
    if (done) setNote('');
  }
  return (
    <Stack gap={4} miw={220}>
      <Group gap={6} align="flex-end" wrap="nowrap">
        <NativeSelect
          label={t('officer.checks.outcomeFor', { code: check.code })}
          size="xs"
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value as typeof outcome)}
          data={(['pass', 'fail', 'waived'] as const).map((value) => ({
            value,
            label: outcomeLabel(t, value),
          }))}
        />
        <TextInput
          label={t('officer.checks.noteFor', { code: check.code })}
          size="xs"
          value={note}
          error={missing ? t('validation.required') : undefined}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setMissing(false);
          }}
        />
      </Group>
      {outcome === 'waived' ? (
        <Text size="xs" c="dimmed">
          {t('officer.checks.waiverHint')}
        </Text>
      ) : null}
      <Group>
        <Button size="xs" onClick={() => void resolve()} loading={command.busy}>
          {t('officer.checks.resolveButton', { code: check.code })}
        </Button>
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
    </Stack>
  );
}
