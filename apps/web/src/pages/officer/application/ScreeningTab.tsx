import { useState } from 'react';
import { Badge, Button, Code, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { DISPOSITION_STAGES } from '../../../api/monitoring';
import type { ApplicationView, ScreeningParty } from '../../../api/types';
import { Facts } from '../../../components/Facts';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useFormat } from '../../../lib/format';
import { useCommand } from './command';
import { ScrollTable } from '../../../components/ScrollTable';

const RESULT_COLOR: Record<string, string> = {
  clear: 'green',
  review: 'orange',
  blocked: 'red',
  potential_match: 'orange',
  match: 'red',
  blocked_by_ownership: 'red',
};

/**
 * Sanctions screening: the result, the list screened against, every party with its ownership path,
 * effective share and similarity, and a disposition for each potential match (a false positive is a
 * four-eyes item).
 */
export function ScreeningTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const screening = view.screening;
  if (!screening) return <Text size="sm">{t('officer.screening.notYet')}</Text>;
  return (
    <Stack gap="md">
      <Facts
        items={[
          [
            t('officer.screening.result'),
            <Badge key="r" color={RESULT_COLOR[screening.result] ?? 'gray'} variant="light">
              {t(`officer.screening.results.${screening.result}`)}
            </Badge>,
          ],
          [t('officer.screening.blockedPct'), format.percent(screening.blockedOwnershipPct)],
          [t('officer.screening.lookThroughPct'), format.percent(screening.lookThroughPct ?? null)],
          [t('officer.screening.list'), <Code key="l">{screening.listSha256.slice(0, 16)}…</Code>],
        ]}
        cols={4}
      />
      <ScrollTable minWidth={760}>
        <Table striped verticalSpacing="sm">
          <Table.Caption>{t('officer.screening.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('officer.screening.party')}</Table.Th>
              <Table.Th scope="col">{t('officer.screening.path')}</Table.Th>
              <Table.Th scope="col">{t('officer.screening.effectivePct')}</Table.Th>
              <Table.Th scope="col">{t('officer.screening.partyResult')}</Table.Th>
              <Table.Th scope="col">{t('officer.screening.match')}</Table.Th>
              <Table.Th scope="col">{t('officer.screening.disposition')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {screening.parties.map((party) => (
              <Table.Tr key={`${party.path.join('>')}`}>
                <Table.Td>{party.name}</Table.Td>
                <Table.Td>
                  <Text size="xs">{party.path.join(' › ')}</Text>
                </Table.Td>
                <Table.Td>{format.percent(party.effectivePct)}</Table.Td>
                <Table.Td>
                  <Badge color={RESULT_COLOR[party.result] ?? 'gray'} variant="light">
                    {t(`officer.screening.results.${party.result}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {party.matchedName ? (
                    <Text size="xs">
                      {party.matchedName}
                      {party.similarity != null
                        ? ` · ${t('officer.screening.similarity', { value: format.number(party.similarity * 100, 1) })}`
                        : ''}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  {party.disposition ? (
                    <Badge variant="light" color="gray">
                      {t(`officer.screening.dispositions.${party.disposition}`)}
                    </Badge>
                  ) : party.result === 'potential_match' && DISPOSITION_STAGES.includes(view.stage) ? (
                    <DispositionForm view={view} party={party} />
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function DispositionForm({ view, party }: { view: ApplicationView; party: ScreeningParty }) {
  const { t } = useTranslation();
  const [disposition, setDisposition] = useState<'true_match' | 'false_positive'>('false_positive');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const command = useCommand(view.id);
  async function record() {
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/screening/dispositions', {
          params: { path: { id: view.id }, header: { 'if-match': String(view.version) } },
          body: { partyName: party.name, disposition, note: note.trim(), expectedVersion: view.version },
        }),
      ),
    );
  }
  return (
    <Stack gap={4} miw={220}>
      <NativeSelect
        size="xs"
        label={t('officer.screening.dispositionFor', { name: party.name })}
        value={disposition}
        onChange={(event) => setDisposition(event.currentTarget.value as typeof disposition)}
        data={(['false_positive', 'true_match'] as const).map((value) => ({
          value,
          label: t(`officer.screening.dispositions.${value}`),
        }))}
      />
      <TextInput
        size="xs"
        label={t('officer.screening.noteFor', { name: party.name })}
        value={note}
        error={missing ? t('validation.required') : undefined}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          setMissing(false);
        }}
      />
      <Group>
        <Button size="xs" onClick={() => void record()} loading={command.busy}>
          {t('officer.screening.record')}
        </Button>
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
    </Stack>
  );
}
