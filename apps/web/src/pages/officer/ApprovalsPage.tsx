import { Anchor, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { FourEyesItem } from '../../components/FourEyesItem';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';

/** The four-eyes inbox: every pending item, with its application; one's own items say why they wait. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const approvals = useQuery({
    queryKey: ['approvals', 'pending'],
    queryFn: () =>
      call(api.GET('/api/v1/approvals', { params: { query: { status: 'pending', limit: 100 } } })),
  });
  return (
    <>
      <PageHeader title={t('nav.approvals')} subtitle={t('fourEyes.help')} />
      <ProblemAlert error={approvals.error} />
      {approvals.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : (approvals.data?.items ?? []).length === 0 ? (
        <Text size="sm">{t('fourEyes.nonePending')}</Text>
      ) : (
        <Stack gap="md">
          {(approvals.data?.items ?? []).map((item) => (
            <Stack key={item.id} gap={4}>
              <Anchor
                component={Link}
                to={`/officer/applications/${item.applicationId}?tab=fourEyes`}
                ff="monospace"
                fw={600}
              >
                {item.applicationReference ?? item.applicationId}
              </Anchor>
              <FourEyesItem item={item} applicationId={item.applicationId} />
            </Stack>
          ))}
        </Stack>
      )}
    </>
  );
}
