import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { ApplicationView } from '../../../api/types';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../lib/format';
import { stageLabel } from '../../../lib/labels';
import { useCommand } from './command';

/** Information requests to the sponsor: what was asked and answered, and a new question. */
export function RequestsTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [question, setQuestion] = useState('');
  const [missing, setMissing] = useState(false);
  const command = useCommand(view.id);
  const open = !['draft', 'financed', 'rejected', 'withdrawn'].includes(view.stage);

  async function ask() {
    if (question.trim() === '') {
      setMissing(true);
      return;
    }
    const done = await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/information-requests', {
          params: { path: { id: view.id } },
          body: { question: question.trim() },
        }),
      ),
    );
    if (done) setQuestion('');
  }

  return (
    <Stack gap="md">
      {view.informationRequests.length === 0 ? (
        <Text size="sm">{t('officer.requests.none')}</Text>
      ) : (
        view.informationRequests.map((request) => (
          <Stack
            key={request.id}
            gap={4}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Group gap="xs">
              <Badge color={request.status === 'open' ? 'orange' : 'green'} variant="light">
                {t(`officer.requests.status.${request.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('officer.requests.asked', {
                  date: format.dateTime(request.askedAt),
                  stage: stageLabel(t, request.stage),
                })}
              </Text>
            </Group>
            <Text fw={600} size="sm">
              {request.question}
            </Text>
            {request.answer ? (
              <Text size="sm">
                {t('officer.requests.answer')}: {request.answer}
                {request.documentIds.length > 0
                  ? ` (${t('officer.requests.documents', { count: request.documentIds.length })})`
                  : ''}
              </Text>
            ) : null}
          </Stack>
        ))
      )}
      {open ? (
        <Section title={t('officer.requests.new')} id="new-request">
          <Textarea
            label={t('officer.requests.question')}
            description={t('officer.requests.blocksHint')}
            value={question}
            autosize
            minRows={2}
            error={missing ? t('validation.required') : undefined}
            onChange={(event) => {
              setQuestion(event.currentTarget.value);
              setMissing(false);
            }}
          />
          <ProblemAlert error={command.error} onReload={command.reload} />
          <Group>
            <Button onClick={() => void ask()} loading={command.busy}>
              {t('officer.requests.send')}
            </Button>
          </Group>
        </Section>
      ) : null}
    </Stack>
  );
}
