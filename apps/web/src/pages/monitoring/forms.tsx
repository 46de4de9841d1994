import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Schemas } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCommand } from '../officer/application/command';

type IncidentKind = Schemas['ReportIncidentDto']['kind'];
export const INCIDENT_KINDS: IncidentKind[] = [
  'fatality',
  'serious_injury',
  'tailings',
  'spill',
  'community_conflict',
  'security',
  'other',
];

/** `YYYY-MM-DDTHH:mm` in local time, for a `datetime-local` field. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Report an incident (the sponsor or an officer; monitoring.md "Incidents"): when it happened, its kind and
 * severity, what happened. A severity 3, fatality or tailings incident must be reported within 3 days.
 */
export function ReportIncidentForm({ applicationId, version }: { applicationId: string; version: number }) {
  const { t } = useTranslation();
  const command = useCommand(applicationId);
  const [occurredAt, setOccurredAt] = useState('');
  const [kind, setKind] = useState<IncidentKind>('spill');
  const [severity, setSeverity] = useState('1');
  const [description, setDescription] = useState('');
  const [reported, setReported] = useState(false);
  const fieldErrors = command.error instanceof ApiProblem ? command.error.fieldErrors() : {};
  async function submit() {
    setReported(false);
    const when = occurredAt ? new Date(occurredAt) : null;
    const done = await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/incidents', {
          params: { path: { id: applicationId } },
          body: {
            occurredAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : occurredAt,
            kind,
            severity: Number(severity) as 1 | 2 | 3,
            description: description.trim(),
            expectedVersion: version,
          },
        }),
      ),
    );
    if (done) {
      setReported(true);
      setDescription('');
      setOccurredAt('');
    }
  }
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('monitoring.reportIncident')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          type="datetime-local"
          label={t('monitoring.occurredAt')}
          value={occurredAt}
          max={localDateTime(new Date())}
          required
          error={fieldErrors.occurredAt}
          onChange={(event) => setOccurredAt(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('monitoring.kind')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as IncidentKind)}
          data={INCIDENT_KINDS.map((value) => ({ value, label: t(`monitoring.incidentKind.${value}`) }))}
        />
        <NativeSelect
          label={t('monitoring.severity')}
          value={severity}
          onChange={(event) => setSeverity(event.currentTarget.value)}
          data={['1', '2', '3'].map((value) => ({ value, label: t(`monitoring.severityLevel.${value}`) }))}
        />
      </Group>
      <Textarea
        label={t('monitoring.whatHappened')}
        value={description}
        required
        autosize
        minRows={2}
        error={fieldErrors.description}
        onChange={(event) => setDescription(event.currentTarget.value)}
      />
      <ProblemAlert error={command.error} onReload={command.reload} />
      {reported ? <div role="status">{t('monitoring.incidentReported')}</div> : null}
      <Group>
        <Button type="submit" loading={command.busy}>
          {t('monitoring.reportIncidentButton')}
        </Button>
      </Group>
    </Stack>
  );
}
