import { useState } from 'react';
import { Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useCountries } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { Section } from '../../components/Section';
import { useCountryName, useFormat } from '../../lib/format';

/** Sponsor organisations (admins only): the list, and registering one. */
export default function OrganizationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const organizations = useQuery({
    queryKey: ['admin', 'organizations'],
    queryFn: () => call(api.GET('/api/v1/admin/organizations')),
  });
  return (
    <>
      <PageHeader title={t('admin.organizationsTitle')} subtitle={t('admin.organizationsSubtitle')} />
      <Stack gap="md">
        <Section title={t('admin.organizationsList')} id="organizations">
          <ProblemAlert error={organizations.error} />
          {organizations.isPending ? (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          ) : (organizations.data ?? []).length === 0 ? (
            <Text size="sm">{t('admin.noOrganizations')}</Text>
          ) : (
            <ScrollTable minWidth={560}>
              <Table striped>
                <Table.Caption>{t('admin.organizationsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.orgName')}</Table.Th>
                    <Table.Th scope="col">{t('admin.orgCountry')}</Table.Th>
                    <Table.Th scope="col">{t('admin.orgRegistration')}</Table.Th>
                    <Table.Th scope="col">{t('admin.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(organizations.data ?? []).map((organization) => (
                    <Table.Tr key={organization.id}>
                      <Table.Td>{organization.name}</Table.Td>
                      <Table.Td>{countryName(organization.country)}</Table.Td>
                      <Table.Td>{organization.registrationNumber}</Table.Td>
                      <Table.Td>{format.date(organization.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Section>
        <CreateOrganization />
      </Stack>
    </>
  );
}

function CreateOrganization() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countries = useCountries();
  const countryName = useCountryName();
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const fieldErrors = error instanceof ApiProblem ? error.fieldErrors() : {};
  async function create() {
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const organization = await call(
        api.POST('/api/v1/admin/organizations', {
          body: { name: name.trim(), country, registrationNumber: registrationNumber.trim() },
        }),
      );
      setCreated(organization.name);
      setName('');
      setRegistrationNumber('');
      await queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section title={t('admin.createOrganization')} id="create-organization">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t('admin.orgName')}
            value={name}
            required
            error={fieldErrors.name}
            onChange={(event) => setName(event.currentTarget.value)}
            miw={240}
          />
          <NativeSelect
            label={t('admin.orgCountry')}
            value={country}
            required
            error={fieldErrors.country}
            onChange={(event) => setCountry(event.currentTarget.value)}
            data={[
              { value: '', label: t('form.choose') },
              ...(countries.data?.countries ?? []).map((c) => ({
                value: c.code,
                label: countryName(c.code),
              })),
            ]}
            miw={200}
          />
          <TextInput
            label={t('admin.orgRegistration')}
            value={registrationNumber}
            required
            error={fieldErrors.registrationNumber}
            onChange={(event) => setRegistrationNumber(event.currentTarget.value)}
            miw={200}
          />
        </Group>
        <ProblemAlert error={error} />
        {created ? (
          <Text size="sm" c="teal.9" role="status">
            {t('admin.organizationCreated', { name: created })}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {t('admin.createOrganizationButton')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
