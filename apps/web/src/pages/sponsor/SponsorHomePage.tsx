import { Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSponsorApplications } from '../../api/queries';
import { ApplicationsTable } from '../../components/ApplicationsTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';

/** The sponsor's applications (its organisation's only), newest first; drafts open in the guided form. */
export default function SponsorHomePage() {
  const { t } = useTranslation();
  const applications = useSponsorApplications({ limit: '100' });
  return (
    <>
      <PageHeader
        title={t('sponsor.homeTitle')}
        subtitle={t('sponsor.homeSubtitle')}
        actions={
          <Button component={Link} to="/sponsor/new">
            {t('nav.newApplication')}
          </Button>
        }
      />
      <ProblemAlert error={applications.error} />
      {applications.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : (
        <ApplicationsTable
          items={applications.data?.items ?? []}
          caption={t('sponsor.tableCaption')}
          empty={t('sponsor.none')}
          linkTo={(item) => `/sponsor/applications/${item.id}`}
        />
      )}
    </>
  );
}
