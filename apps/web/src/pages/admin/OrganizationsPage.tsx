import { useState } from 'react';
import { Button, Code, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useCountries } from '../../api/queries';
import type { Schemas } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { CodeSelect } from '../../components/Fields';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useCountryName, useFormat } from '../../lib/format';
import { enumLabel } from '../../lib/labels';

/**
 * Organisations (admins only): project sponsors, cofinanciers (public or private; their users are partners)
 * and the fund; the list with each one's id (an officer names a cofinancier no co-financing line names yet by
 * it), and registering one.
 */
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
          <QueryState query={organizations} empty={t('admin.noOrganizations')}>
            {(rows) => (
              <DataTable
                caption={t('admin.organizationsCaption')}
                rows={rows}
                rowKey={(organization) => organization.id}
                columns={[
                  { header: t('admin.orgName'), cell: (organization) => organization.name, rowHeader: true },
                  {
                    header: t('admin.orgKind'),
                    cell: (organization) =>
                      [
                        enumLabel(t, 'organizationKind', organization.kind),
                        organization.sector ? enumLabel(t, 'cofinancierSector', organization.sector) : null,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                  },
                  {
                    header: t('admin.orgCountry'),
                    cell: (organization) => countryName(organization.country),
                  },
                  {
                    header: t('admin.orgRegistration'),
                    cell: (organization) => organization.registrationNumber,
                  },
                  { header: t('admin.orgId'), cell: (organization) => <Code>{organization.id}</Code> },
                  {
                    header: t('admin.createdAt'),
                    cell: (organization) => format.date(organization.createdAt),
                  },
                ]}
              />
            )}
          </QueryState>
        </Section>
        <CreateOrganization />
      </Stack>
    </>
  );
}

type Kind = NonNullable<Schemas['CreateOrganizationRequestDto']['kind']>;
type Sector = NonNullable<Schemas['CreateOrganizationRequestDto']['sector']>;
const KINDS = ['sponsor', 'cofinancier', 'fund'] as const satisfies readonly Kind[];
const SECTORS = ['public', 'private'] as const satisfies readonly Sector[];

function CreateOrganization() {
  const { t } = useTranslation();
  const countries = useCountries();
  const countryName = useCountryName();
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [kind, setKind] = useState<Kind>('sponsor');
  const [sector, setSector] = useState<Sector>('public');
  const command = useAction([['admin', 'organizations']]);
  const { error, busy } = command;
  const [created, setCreated] = useState<string | null>(null);
  const fieldErrors = error instanceof ApiProblem ? error.fieldErrors() : {};
  async function create() {
    setCreated(null);
    const organization = await command.run(() =>
      call(
        api.POST('/api/v1/admin/organizations', {
          body: {
            name: name.trim(),
            country,
            registrationNumber: registrationNumber.trim(),
            kind,
            ...(kind === 'cofinancier' ? { sector } : {}),
          },
        }),
      ),
    );
    if (!organization) return;
    setCreated(organization.name);
    setName('');
    setRegistrationNumber('');
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
          <CodeSelect
            label={t('admin.orgKind')}
            value={kind}
            codes={KINDS}
            labelOf={(value) => enumLabel(t, 'organizationKind', value)}
            error={fieldErrors.kind}
            onChange={setKind}
          />
          {kind === 'cofinancier' ? (
            <CodeSelect
              label={t('admin.orgSector')}
              value={sector}
              codes={SECTORS}
              labelOf={(value) => enumLabel(t, 'cofinancierSector', value)}
              error={fieldErrors.sector}
              onChange={setSector}
            />
          ) : null}
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
