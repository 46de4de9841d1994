import { List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stageLabel } from '../lib/labels';

const PATH = [
  'draft',
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
  'financed',
  'disbursing',
  'monitoring',
  'repaid',
];

/** Where an application stands on the pipeline's path: done, current, to come (or how it ended). */
export function StageProgress({ stage }: { stage: string }) {
  const { t } = useTranslation();
  const ended = stage === 'rejected' || stage === 'withdrawn' || stage === 'written_off';
  const current = PATH.indexOf(stage);
  return (
    <List spacing={4} size="sm" center aria-label={t('timeline.progress')}>
      {PATH.map((name, index) => {
        const state = ended ? 'todo' : index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <List.Item
            key={name}
            aria-current={state === 'current' ? 'step' : undefined}
            icon={
              <ThemeIcon
                size={18}
                radius="xl"
                color={state === 'done' ? 'green.8' : state === 'current' ? 'forge.7' : 'gray.4'}
                aria-hidden
              >
                {state === 'done' ? '✓' : state === 'current' ? '•' : ''}
              </ThemeIcon>
            }
            fw={state === 'current' ? 700 : 400}
          >
            {stageLabel(t, name)} <span className="forge-sr-only">({t(`timeline.${state}`)})</span>
          </List.Item>
        );
      })}
      {ended ? (
        <List.Item
          aria-current="step"
          icon={
            <ThemeIcon size={18} radius="xl" color="red.8" aria-hidden>
              ×
            </ThemeIcon>
          }
          fw={700}
        >
          {stageLabel(t, stage)}
        </List.Item>
      ) : null}
    </List>
  );
}

/** The stage progress and, once there is one, the committee's decision (the sponsor's and the partner's view). */
export function Standing({ stage, committeeDecision }: { stage: string; committeeDecision?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <StageProgress stage={stage} />
      {committeeDecision ? (
        <Text size="sm">
          {t('sponsor.committeeDecision')}: <strong>{t(`decision.${committeeDecision}`)}</strong>
        </Text>
      ) : null}
    </>
  );
}
