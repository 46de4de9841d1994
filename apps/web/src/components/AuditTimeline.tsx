import { Code, Group, Loader, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTrail } from '../api/queries';
import { useFormat } from '../lib/format';
import { actionLabel } from '../lib/labels';
import { ProblemAlert } from './ProblemAlert';

/** An application's audit trail as a timeline: action (code and words), actor, time, reason, chain seq. */
export function AuditTimeline({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trail = useTrail(applicationId);
  if (trail.isPending) return <Loader size="sm" role="status" aria-label={t('common.loading')} />;
  if (trail.error) return <ProblemAlert error={trail.error} />;
  const items = trail.data.items;
  if (items.length === 0) return <Text size="sm">{t('audit.noEvents')}</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} active={items.length - 1}>
      {items.map((event) => {
        const after = (event.after ?? {}) as Record<string, unknown>;
        return (
          <Timeline.Item
            key={event.id}
            title={
              <Group gap={6} wrap="wrap">
                <Text fw={600} size="sm">
                  {actionLabel(t, event.action)}
                </Text>
                <Code>{event.action}</Code>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {event.seq === null ? t('auditor.pending') : `#${event.seq}`} ·{' '}
              {format.dateTime(event.occurredAt)} ·{' '}
              {t(`role.${event.actor.role}`, { defaultValue: event.actor.role })}
              {typeof after.stage === 'string' ? ` · → ${after.stage}` : ''}
            </Text>
            {event.reason ? <Text size="sm">{event.reason}</Text> : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
