import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { ApplicationView } from '../../../api/types';
import { FourEyesItem } from '../../../components/FourEyesItem';
import { ProblemAlert } from '../../../components/ProblemAlert';

/** The application's four-eyes items: pending first (decided here by another officer), then the decided ones. */
export function FourEyesTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const lists = useQuery({
    queryKey: ['approvals', 'application', view.id, view.version],
    queryFn: async () => {
      const [pending, approved, rejected] = await Promise.all(
        (['pending', 'approved', 'rejected'] as const).map((status) =>
          call(
            api.GET('/api/v1/approvals', {
              params: { query: { status, applicationId: view.id, limit: 100 } },
            }),
          ),
        ),
      );
      return { pending: pending.items, decided: [...approved.items, ...rejected.items] };
    },
  });
  if (lists.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (lists.error) return <ProblemAlert error={lists.error} />;
  return (
    <Stack gap="md">
      <Text size="sm">{t('fourEyes.help')}</Text>
      <Title order={2} size="h4">
        {t('fourEyes.pending')}
      </Title>
      {lists.data.pending.length === 0 ? (
        <Text size="sm">{t('fourEyes.nonePending')}</Text>
      ) : (
        lists.data.pending.map((item) => <FourEyesItem key={item.id} item={item} applicationId={view.id} />)
      )}
      {lists.data.decided.length > 0 ? (
        <>
          <Title order={2} size="h4">
            {t('fourEyes.decidedTitle')}
          </Title>
          {lists.data.decided.map((item) => (
            <FourEyesItem key={item.id} item={item} applicationId={view.id} />
          ))}
        </>
      ) : null}
    </Stack>
  );
}
