import { Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApplications } from '../../api/queries';
import { ApplicationsTable } from '../../components/ApplicationsTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';

/**
 * The committee member's start page (console.md): what awaits the committee's vote (stage `committee`) and
 * what it decided (approved, then financed; rejections after a round). The application page says whether
 * this member has voted yet.
 */
export default function CommitteeHomePage() {
  const { t } = useTranslation();
  const awaiting = useApplications({ stage: 'committee', limit: '100' });
  const approved = useApplications({ stage: 'approved', limit: '100' });
  const rejected = useApplications({ stage: 'rejected', limit: '100' });
  const decided = [...(approved.data?.items ?? []), ...(rejected.data?.items ?? [])].sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );
  return (
    <>
      <PageHeader title={t('committee.homeTitle')} subtitle={t('committee.homeSubtitle')} />
      <Stack gap="md">
        <Section title={t('committee.awaiting')} id="awaiting">
          <ProblemAlert error={awaiting.error} />
          {awaiting.isPending ? (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          ) : (
            <ApplicationsTable
              items={awaiting.data?.items ?? []}
              caption={t('committee.awaitingCaption')}
              empty={t('committee.noneAwaiting')}
              linkTo={(item) => `/committee/applications/${item.id}`}
            />
          )}
        </Section>
        <Section title={t('committee.decided')} id="decided">
          <ProblemAlert error={approved.error ?? rejected.error} />
          {approved.isPending || rejected.isPending ? (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          ) : (
            <ApplicationsTable
              items={decided}
              caption={t('committee.decidedCaption')}
              empty={t('committee.noneDecided')}
              linkTo={(item) => `/committee/applications/${item.id}`}
            />
          )}
        </Section>
      </Stack>
    </>
  );
}
