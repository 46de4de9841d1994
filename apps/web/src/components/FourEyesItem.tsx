import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useSession } from '../api/session';
import type { Schemas } from '../api/types';
import { useFormat } from '../lib/format';
import { actionLabel } from '../lib/labels';
import { Detail } from './Detail';
import { ProblemAlert } from './ProblemAlert';

type Approval = Schemas['ApprovalResponseDto'];

/**
 * One maker-checker item: what is proposed, by whom, and — for another officer — approve or reject with a
 * note. The maker sees why they cannot decide it (pipeline.md: never one's own item).
 */
export function FourEyesItem({ item, applicationId }: { item: Approval; applicationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const mine = item.makerId === user?.id;

  async function decide(decision: 'approve' | 'reject') {
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(decision);
    setError(null);
    try {
      const path =
        decision === 'approve' ? '/api/v1/approvals/{id}/approve' : '/api/v1/approvals/{id}/reject';
      await call(api.POST(path, { params: { path: { id: item.id } }, body: { note: note.trim() } }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['approvals'] }),
        queryClient.invalidateQueries({ queryKey: ['application', applicationId] }),
      ]);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack
      gap={6}
      p="sm"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
      data-approval={item.id}
    >
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{actionLabel(t, item.action)}</Text>
        <Code>{item.action}</Code>
        <Text size="sm">
          {t('fourEyes.subject')}: <Code>{item.subject}</Code>
        </Text>
        <Badge
          variant="light"
          color={item.status === 'pending' ? 'orange' : item.status === 'approved' ? 'green' : 'red'}
        >
          {t(`fourEyes.status.${item.status}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('fourEyes.proposedBy', {
          who: mine ? t('fourEyes.you') : t('fourEyes.anotherOfficer'),
          date: format.dateTime(item.createdAt),
        })}
      </Text>
      <Detail value={item.payload} />
      {item.status !== 'pending' ? (
        <Text size="sm">
          {t('fourEyes.decided', { date: format.dateTime(item.decidedAt) })}
          {item.note ? `: ${item.note}` : ''}
        </Text>
      ) : mine ? (
        <Alert color="gray" variant="light" title={t('fourEyes.ownTitle')}>
          {t('fourEyes.ownText')}
        </Alert>
      ) : (
        <Stack gap={4}>
          <TextInput
            label={t('fourEyes.note')}
            value={note}
            size="xs"
            error={missing ? t('validation.required') : undefined}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setMissing(false);
            }}
          />
          <Group gap="xs">
            <Button size="xs" onClick={() => void decide('approve')} loading={busy === 'approve'}>
              {t('fourEyes.approve')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red"
              onClick={() => void decide('reject')}
              loading={busy === 'reject'}
            >
              {t('fourEyes.reject')}
            </Button>
          </Group>
        </Stack>
      )}
      <ProblemAlert error={error} />
    </Stack>
  );
}
