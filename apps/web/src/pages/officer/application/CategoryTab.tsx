import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { ApplicationView } from '../../../api/types';
import { Facts } from '../../../components/Facts';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { Section } from '../../../components/Section';
import { useCommand } from './command';

const CATEGORIES = ['A', 'B', 'C', 'FI'] as const;
const RANK: Record<string, number> = { A: 3, B: 2, C: 1, FI: 2 };

/** E&S categorisation: the proposed category, the confirmed one, and confirming or changing it. */
export function CategoryTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<string>(view.category ?? view.proposedCategory ?? 'B');
  const [rationale, setRationale] = useState('');
  const [missing, setMissing] = useState(false);
  const command = useCommand(view.id);
  const changed = view.proposedCategory !== null && category !== view.proposedCategory;
  const downgrade = changed && RANK[category] < RANK[view.proposedCategory ?? 'B'];
  const editable = view.stage === 'esg_review';

  async function confirm() {
    if (changed && rationale.trim() === '') {
      setMissing(true);
      return;
    }
    const done = await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/category', {
          params: { path: { id: view.id }, header: { 'if-match': String(view.version) } },
          body: {
            category: category as (typeof CATEGORIES)[number],
            expectedVersion: view.version,
            ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
          },
        }),
      ),
    );
    if (done) setRationale('');
  }

  return (
    <Stack gap="md">
      <Section title={t('officer.category.title')} id="category">
        <Facts
          items={[
            [t('officer.category.proposed'), view.proposedCategory ?? '—'],
            [t('officer.category.confirmed'), view.category ?? t('officer.category.notYet')],
            [t('officer.category.rationale'), view.categoryRationale ?? '—'],
          ]}
        />
        {editable ? (
          <Stack gap="xs">
            <Group align="flex-end" grow wrap="wrap">
              <NativeSelect
                label={t('officer.category.choose')}
                value={category}
                onChange={(event) => setCategory(event.currentTarget.value)}
                data={CATEGORIES.map((value) => ({ value, label: t(`officer.category.names.${value}`) }))}
                miw={200}
              />
              <Textarea
                label={
                  changed ? t('officer.category.rationaleRequired') : t('officer.category.rationaleOptional')
                }
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
            {downgrade ? (
              <Text size="sm" c="red.9">
                {t('officer.category.downgradeHint')}
              </Text>
            ) : null}
            <ProblemAlert error={command.error} onReload={command.reload} />
            <Group>
              <Button onClick={() => void confirm()} loading={command.busy}>
                {downgrade
                  ? t('officer.category.proposeDowngrade')
                  : t('officer.category.confirm', { category })}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('officer.category.onlyInReview')}
          </Text>
        )}
      </Section>
    </Stack>
  );
}
