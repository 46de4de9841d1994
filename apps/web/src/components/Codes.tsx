import { Badge, Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkLabel, outcomeLabel, stageLabel } from '../lib/labels';

const STAGE_COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  screening: 'indigo',
  esg_review: 'teal',
  financing: 'cyan',
  committee: 'violet',
  approved: 'green',
  financed: 'green',
  disbursing: 'green',
  monitoring: 'teal',
  repaid: 'gray',
  written_off: 'red',
  rejected: 'red',
  withdrawn: 'gray',
};

/** A stage: its translated label, the code kept as the badge's data and visible to screen readers. */
export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STAGE_COLORS[stage] ?? 'gray'}
      variant="light"
      data-stage={stage}
      title={stage}
      styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}
    >
      {stageLabel(t, stage)}
    </Badge>
  );
}

const OUTCOME_COLORS: Record<string, string> = {
  pass: 'green',
  fail: 'red',
  needs_review: 'orange',
  waived: 'grape',
  pending: 'gray',
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={OUTCOME_COLORS[outcome] ?? 'gray'}
      variant="light"
      title={outcome}
      styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}
    >
      {outcomeLabel(t, outcome)}
    </Badge>
  );
}

/** A check code and its label: `ELIG.TICKET` · Ticket size. */
export function CheckCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const label = checkLabel(t, code);
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Code>{code}</Code>
      {label !== code ? <Text size="sm">{label}</Text> : null}
    </Group>
  );
}
