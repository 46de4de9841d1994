import { useState } from 'react';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { fieldErrorsOf } from '../../api/problem';
import type { Incident } from '../../api/monitoring';
import type { Schemas } from '../../api/types';
import { CodeSelect, useRequiredText } from '../../components/Fields';
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

const SEVERITIES = ['1', '2', '3'] as const;

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
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('1');
  const [description, setDescription] = useState('');
  const [reported, setReported] = useState(false);
  const fieldErrors = fieldErrorsOf(command.error);
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
        <CodeSelect
          label={t('monitoring.kind')}
          value={kind}
          onChange={setKind}
          codes={INCIDENT_KINDS}
          labelOf={(value) => t(`monitoring.incidentKind.${value}`)}
        />
        <CodeSelect
          label={t('monitoring.severity')}
          value={severity}
          onChange={setSeverity}
          codes={SEVERITIES}
          labelOf={(value) => t(`monitoring.severityLevel.${value}`)}
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

type UpdateKind = Schemas['IncidentUpdateDto']['kind'];

const UPDATE_KINDS = ['root_cause', 'corrective_action', 'note'] as const satisfies readonly UpdateKind[];

/**
 * The follow-up of an open incident (monitoring.md "Incidents"): a root cause, a corrective action or a note,
 * added by the sponsor or an officer; `canClose` (an officer) also closes it with the text as its note.
 */
export function IncidentFollowUp({
  applicationId,
  version,
  incident,
  canClose = false,
}: {
  applicationId: string;
  version: number;
  incident: Incident;
  canClose?: boolean;
}) {
  const { t } = useTranslation();
  const command = useCommand(applicationId);
  const [kind, setKind] = useState<UpdateKind>('root_cause');
  const text = useRequiredText();
  const fieldErrors = fieldErrorsOf(command.error);
  const path = { id: applicationId, incidentId: incident.id };
  const act = async (what: 'update' | 'close') => {
    const value = text.take();
    if (value === undefined) return;
    const done = await command.run(
      () =>
        what === 'update'
          ? call(
              api.POST('/api/v1/applications/{id}/incidents/{incidentId}/updates', {
                params: { path },
                body: { kind, text: value, expectedVersion: version },
              }),
            )
          : call(
              api.POST('/api/v1/applications/{id}/incidents/{incidentId}/close', {
                params: { path },
                body: { note: value, expectedVersion: version },
              }),
            ),
      what,
    );
    if (done) text.clear();
  };
  return (
    <Stack gap={4} role="group" aria-label={t('monitoring.followUp')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <CodeSelect
          size="xs"
          label={t('monitoring.updateKindLabel')}
          value={kind}
          onChange={setKind}
          codes={UPDATE_KINDS}
          labelOf={(value) => t(`monitoring.updateKind.${value}`)}
          error={fieldErrors.kind}
        />
        <TextInput
          size="xs"
          miw={260}
          label={canClose ? t('monitoring.updateText') : t('monitoring.updateTextOnly')}
          {...text.input}
          error={text.input.error ?? fieldErrors.text ?? fieldErrors.note}
        />
        <Button
          size="xs"
          variant="light"
          loading={command.running === 'update'}
          onClick={() => void act('update')}
        >
          {t('monitoring.addUpdate')}
        </Button>
        {canClose ? (
          <Button
            size="xs"
            variant="outline"
            loading={command.running === 'close'}
            onClick={() => void act('close')}
          >
            {t('monitoring.closeIncident')}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
    </Stack>
  );
}
