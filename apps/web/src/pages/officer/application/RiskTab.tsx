import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { ApplicationView, RiskBand } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { RiskAssessmentView } from '../../../components/RiskAssessmentView';
import { Section } from '../../../components/Section';
import { useCommand } from './command';

const BANDS: RiskBand[] = ['low', 'moderate', 'substantial', 'high'];

/**
 * The latest risk assessment (gross → residual by factor, mitigants, model version, hashes); an officer
 * may queue a fresh one and propose a band override (four eyes).
 */
export default function RiskTab({ view, canAct }: { view: ApplicationView; canAct: boolean }) {
  const { t } = useTranslation();
  const assessment = view.latestRiskAssessment;
  const queue = useCommand(view.id);
  const [queued, setQueued] = useState<string | null>(null);
  const scored = ['submitted', 'screening', 'esg_review', 'financing', 'committee'].includes(view.stage);
  const queryClient = useQueryClient();
  const waiting = queued !== null && (assessment?.id ?? 'none') === queued;
  // A queued assessment appears when the worker has computed it: refresh until it does.
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(
      () => void queryClient.invalidateQueries({ queryKey: ['application', view.id] }),
      1500,
    );
    return () => window.clearInterval(timer);
  }, [waiting, queryClient, view.id]);

  return (
    <Stack gap="md">
      {assessment ? (
        <RiskAssessmentView assessment={assessment} current={assessment.current} />
      ) : (
        <Text size="sm">{t('risk.none')}</Text>
      )}
      {waiting ? (
        <Text size="sm" role="status">
          {t('risk.queued')}
        </Text>
      ) : null}
      {canAct && scored ? (
        <Group>
          <Button
            variant="light"
            loading={queue.busy}
            onClick={async () => {
              const job = await queue.run(() =>
                call(
                  api.POST('/api/v1/applications/{id}/risk-assessments', {
                    params: { path: { id: view.id } },
                  }),
                ),
              );
              if (job) setQueued(assessment?.id ?? 'none');
            }}
          >
            {t('risk.requestFresh')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={queue.error} onReload={queue.reload} />
      {canAct && assessment && scored ? <OverrideForm view={view} assessmentId={assessment.id} /> : null}
    </Stack>
  );
}

function OverrideForm({ view, assessmentId }: { view: ApplicationView; assessmentId: string }) {
  const { t } = useTranslation();
  const [band, setBand] = useState<RiskBand>('substantial');
  const [rationale, setRationale] = useState('');
  const [missing, setMissing] = useState(false);
  const command = useCommand(view.id);
  async function propose() {
    if (rationale.trim() === '') {
      setMissing(true);
      return;
    }
    const done = await command.run(() =>
      call(
        api.POST('/api/v1/risk-assessments/{id}/override', {
          params: { path: { id: assessmentId } },
          body: { band, rationale: rationale.trim() },
        }),
      ),
    );
    if (done) setRationale('');
  }
  return (
    <Section title={t('risk.overrideTitle')} id="override">
      <Text size="sm">{t('risk.overrideHelp')}</Text>
      <Group align="flex-end" grow wrap="wrap">
        <NativeSelect
          label={t('risk.overrideBand')}
          value={band}
          onChange={(event) => setBand(event.currentTarget.value as RiskBand)}
          data={BANDS.map((value) => ({ value, label: t(`band.${value}`) }))}
          miw={160}
        />
        <Textarea
          label={t('risk.overrideRationale')}
          value={rationale}
          autosize
          minRows={1}
          error={missing ? t('validation.required') : undefined}
          onChange={(event) => {
            setRationale(event.currentTarget.value);
            setMissing(false);
          }}
          miw={240}
        />
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
      <Group>
        <Button variant="light" onClick={() => void propose()} loading={command.busy}>
          {t('risk.overridePropose')}
        </Button>
      </Group>
    </Section>
  );
}
