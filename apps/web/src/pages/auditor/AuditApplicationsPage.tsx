import { useState, type FormEvent } from 'react';
import { Button, Group, Loader, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApplications } from '../../api/queries';
import { ApplicationsTable } from '../../components/ApplicationsTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Every application, searchable by reference or title: the way into one application's trail. */
export default function AuditApplicationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const applications = useApplications({ q, limit: '100' });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams(search.trim() ? { q: search.trim() } : {}, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('auditor.applicationsTitle')} subtitle={t('auditor.readOnly')} />
      <Stack gap="sm">
        <form onSubmit={onSearch} role="search" aria-label={t('queue.searchForm')}>
          <Group gap={6} align="flex-end">
            <TextInput
              label={t('queue.search')}
              placeholder={t('queue.searchHint')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              size="xs"
              miw={220}
            />
            <Button type="submit" size="xs">
              {t('queue.searchButton')}
            </Button>
          </Group>
        </form>
        <ProblemAlert error={applications.error} />
        {applications.isPending ? (
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        ) : (
          <ApplicationsTable
            items={applications.data?.items ?? []}
            caption={t('auditor.applicationsCaption')}
            linkTo={(item) => `/audit/applications/${item.id}`}
          />
        )}
      </Stack>
    </>
  );
}
