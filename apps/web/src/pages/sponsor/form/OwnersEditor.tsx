import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../../lib/format';
import { newOwner, type OwnerDraft } from './fields';

const MAX_DEPTH = 6;

/**
 * The beneficial-ownership tree (api.md: depth ≤ 6, siblings ≤ 100%): owners, and for an entity, its own
 * owners, down to the natural persons. Errors sit under the field they concern.
 */
export function OwnersEditor({
  owners,
  onChange,
  errors,
  countries,
}: {
  owners: OwnerDraft[];
  onChange(owners: OwnerDraft[]): void;
  errors: Record<string, string>;
  countries: string[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text fw={600} component="h3" size="md" m={0}>
        {t('owners.title')}
      </Text>
      <Text size="sm" c="dark.5">
        {t('owners.help')}
      </Text>
      {errors['governance.beneficialOwners'] ? (
        <Text c="red.9" size="sm" role="alert">
          {errors['governance.beneficialOwners']}
        </Text>
      ) : null}
      <OwnerList
        owners={owners}
        onChange={onChange}
        errors={errors}
        countries={countries}
        prefix="governance.beneficialOwners"
        numbering=""
        depth={1}
        parentName={null}
      />
    </Stack>
  );
}

function OwnerList({
  owners,
  onChange,
  errors,
  countries,
  prefix,
  numbering,
  depth,
  parentName,
}: {
  owners: OwnerDraft[];
  onChange(owners: OwnerDraft[]): void;
  errors: Record<string, string>;
  countries: string[];
  prefix: string;
  numbering: string;
  depth: number;
  parentName: string | null;
}) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const countryOptions = countries
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const update = (index: number, patch: Partial<OwnerDraft>) =>
    onChange(owners.map((owner, i) => (i === index ? { ...owner, ...patch } : owner)));

  return (
    <Stack gap="sm">
      {owners.map((owner, index) => {
        const number = `${numbering}${index + 1}`;
        const base = `${prefix}[${index}]`;
        const ownerLabel = owner.name.trim() || t('owners.owner', { number });
        return (
          <Fieldset
            key={owner.key}
            legend={t('owners.owner', { number }) + (owner.name.trim() ? `: ${owner.name}` : '')}
          >
            <Stack gap="xs">
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('owners.name')}
                  value={owner.name}
                  error={errors[`${base}.name`]}
                  onChange={(event) => update(index, { name: event.currentTarget.value })}
                  miw={200}
                />
                <NativeSelect
                  label={t('owners.type')}
                  value={owner.type}
                  onChange={(event) =>
                    update(index, {
                      type: event.currentTarget.value as OwnerDraft['type'],
                      ...(event.currentTarget.value === 'person' ? { owners: [], stateOwned: false } : {}),
                    })
                  }
                  data={[
                    { value: 'person', label: t('owners.person') },
                    { value: 'entity', label: t('owners.entity') },
                  ]}
                  miw={140}
                />
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <NativeSelect
                  label={t('owners.country')}
                  value={owner.country}
                  error={errors[`${base}.country`]}
                  onChange={(event) => update(index, { country: event.currentTarget.value })}
                  data={[{ value: '', label: t('form.choose') }, ...countryOptions]}
                  miw={160}
                />
                <TextInput
                  label={t('owners.ownershipPct')}
                  value={owner.ownershipPct}
                  inputMode="decimal"
                  error={errors[`${base}.ownershipPct`]}
                  onChange={(event) => update(index, { ownershipPct: event.currentTarget.value })}
                  miw={140}
                />
              </Group>
              <Group>
                <Checkbox
                  label={t('owners.isPep')}
                  checked={owner.isPep}
                  onChange={(event) => update(index, { isPep: event.currentTarget.checked })}
                />
                {owner.type === 'entity' ? (
                  <Checkbox
                    label={t('owners.stateOwned')}
                    checked={owner.stateOwned}
                    onChange={(event) => update(index, { stateOwned: event.currentTarget.checked })}
                  />
                ) : null}
              </Group>
              {owner.type === 'entity' && depth < MAX_DEPTH ? (
                <Stack gap="xs" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
                  <Text size="sm" fw={600}>
                    {t('owners.ownersOf', { name: ownerLabel })}
                  </Text>
                  {errors[`${base}.owners`] ? (
                    <Text c="red.9" size="sm">
                      {errors[`${base}.owners`]}
                    </Text>
                  ) : null}
                  <OwnerList
                    owners={owner.owners}
                    onChange={(nested) => update(index, { owners: nested })}
                    errors={errors}
                    countries={countries}
                    prefix={`${base}.owners`}
                    numbering={`${number}.`}
                    depth={depth + 1}
                    parentName={ownerLabel}
                  />
                </Stack>
              ) : null}
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => onChange(owners.filter((_, i) => i !== index))}
                >
                  {t('owners.remove', { name: ownerLabel })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...owners, newOwner()])}>
          {parentName ? t('owners.addOf', { name: parentName }) : t('owners.add')}
        </Button>
      </Group>
    </Stack>
  );
}
