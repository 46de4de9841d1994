import type { ReactNode } from 'react';
import { Badge, Code, Group, Text, type BadgeProps } from '@mantine/core';
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

/**
 * A light badge whose label keeps a dark text colour: Mantine's light variant writes the label in the badge's
 * own colour, which fails the contrast rule axe checks for the paler colours.
 */
export function SoftBadge({
  children,
  ...props
}: Omit<BadgeProps, 'variant' | 'styles'> & { children: ReactNode; title?: string; 'data-stage'?: string }) {
  return (
    <Badge variant="light" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }} {...props}>
      {children}
    </Badge>
  );
}

/** An application's reference and stage (its page's subtitle); `children` follow them (more badges, a note). */
export function ReferenceStage({
  reference,
  stage,
  children,
}: {
  reference: string;
  stage: string;
  children?: ReactNode;
}) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text span ff="monospace" fw={600}>
        {reference}
      </Text>
      <StageBadge stage={stage} />
      {children}
    </Group>
  );
}

/** A stage: its translated label, the code kept as the badge's data and visible to screen readers. */
export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <SoftBadge color={STAGE_COLORS[stage] ?? 'gray'} data-stage={stage} title={stage}>
      {stageLabel(t, stage)}
    </SoftBadge>
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
    <SoftBadge color={OUTCOME_COLORS[outcome] ?? 'gray'} title={outcome}>
      {outcomeLabel(t, outcome)}
    </SoftBadge>
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
