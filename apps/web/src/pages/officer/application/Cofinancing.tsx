import { Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  COFINANCING_STATUSES,
  useCofinanciers,
  useCofinancing,
  type CofinancingLine,
  type CofinancingStatus,
} from '../../../api/cofinancing';
import type { ApplicationView } from '../../../api/types';
import { CofinancingLines } from '../../../components/CofinancingLines';
import { CodeSelect, RemoveButton, UsdInput } from '../../../components/Fields';
import { QueryState } from '../../../components/QueryState';
import { Section } from '../../../components/Section';
import { INSTRUMENTS } from '../../../lib/enums';
import { enumLabel } from '../../../lib/labels';
import { parseNumber } from '../../../lib/numbers';

/**
 * Co-financing on the Financing tab (portfolio.md "Co-financing and mobilisation"): the lines on record with
 * their organisation and sector, private direct mobilisation and the ratio (GET /applications/:id/cofinancing),
 * and the rows of the financing editor that record them with the structure (`cofinancing` of PUT /financing,
 * replacing the recorded lines). The API judges every line and names the field it refuses
 * (`cofinancing[0].organizationId`: unknown, or not a cofinancier); the messages stand at those fields.
 */
export function CofinancingSection({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const cofinancing = useCofinancing(view.id);
  return (
    <Section title={t('cofinancing.title')} id="cofinancing">
      <QueryState query={cofinancing}>
        {(data) => <CofinancingLines view={data} caption={t('cofinancing.caption')} />}
      </QueryState>
    </Section>
  );
}

type Instrument = CofinancingLine['instrument'];

export interface CofinancingDraft {
  key: number;
  organizationId: string;
  /** The organisation is typed by its id (a cofinancier no co-financing line names yet). */
  byId: boolean;
  instrument: Instrument;
  amount: string;
  status: CofinancingStatus;
}

let drafts = 0;
export function cofinancingDraft(line?: CofinancingLine): CofinancingDraft {
  drafts += 1;
  return {
    key: drafts,
    organizationId: line?.organizationId ?? '',
    byId: false,
    instrument: line?.instrument ?? 'senior_loan',
    amount: line ? String(line.amountUsd) : '',
    status: line?.status ?? 'indicated',
  };
}

export function toCofinancingLine(draft: CofinancingDraft): CofinancingLine {
  return {
    organizationId: draft.organizationId.trim(),
    instrument: draft.instrument,
    // An unreadable amount goes as null: the API names the field and says what it must be.
    amountUsd: parseNumber(draft.amount) ?? (null as unknown as number),
    status: draft.status,
  };
}

const BY_ID = '__by_id';

/**
 * The cofinanciers an officer can pick by name: every cofinancier organisation (`GET /cofinanciers`), and the
 * names the application's own lines carry. An organisation of another kind can still be entered by its id (the
 * API then answers at the field why it cannot co-finance).
 */
function useKnownCofinanciers(applicationId: string): Map<string, string> {
  const own = useCofinancing(applicationId);
  const cofinanciers = useCofinanciers();
  const known = new Map<string, string>();
  for (const organization of cofinanciers.data ?? []) known.set(organization.id, organization.name);
  for (const line of own.data?.lines ?? []) known.set(line.organizationId, line.organizationName);
  return known;
}

export function CofinancingLinesEditor({
  applicationId,
  rows,
  onChange,
  errors,
}: {
  applicationId: string;
  rows: CofinancingDraft[];
  onChange(next: CofinancingDraft[]): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const known = useKnownCofinanciers(applicationId);
  const update = (key: number, patch: Partial<CofinancingDraft>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('cofinancing.title')}
      </Text>
      <Text size="sm">{t('cofinancing.editorHelp')}</Text>
      {rows.map((row, index) => {
        const at = `cofinancing.${index}`;
        const options = [...known].map(([value, label]) => ({ value, label }));
        if (row.organizationId && !row.byId && !known.has(row.organizationId))
          options.push({ value: row.organizationId, label: row.organizationId });
        return (
          <Fieldset key={row.key} legend={t('cofinancing.lineN', { number: index + 1 })}>
            <Stack gap="xs">
              <Group gap="sm" align="flex-start" wrap="wrap">
                <NativeSelect
                  label={t('cofinancing.organization')}
                  value={row.byId ? BY_ID : row.organizationId}
                  required
                  error={row.byId ? undefined : errors[`${at}.organizationId`]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    update(
                      row.key,
                      value === BY_ID
                        ? { byId: true, organizationId: '' }
                        : { byId: false, organizationId: value },
                    );
                  }}
                  data={[
                    { value: '', label: t('cofinancing.chooseOrganization'), disabled: true },
                    ...options,
                    { value: BY_ID, label: t('cofinancing.byId') },
                  ]}
                  miw={240}
                />
                {row.byId ? (
                  <TextInput
                    label={t('cofinancing.organizationId')}
                    description={t('cofinancing.organizationIdHint')}
                    value={row.organizationId}
                    required
                    error={errors[`${at}.organizationId`]}
                    onChange={(event) => update(row.key, { organizationId: event.currentTarget.value })}
                    miw={320}
                  />
                ) : null}
                <CodeSelect
                  label={t('field.instrument')}
                  value={row.instrument}
                  codes={INSTRUMENTS}
                  labelOf={(value) => enumLabel(t, 'instrument', value)}
                  error={errors[`${at}.instrument`]}
                  onChange={(instrument) => update(row.key, { instrument })}
                />
                <UsdInput
                  label={t('cofinancing.amount')}
                  value={row.amount}
                  required
                  error={errors[`${at}.amountUsd`]}
                  onChange={(amount) => update(row.key, { amount })}
                  miw={200}
                />
                <CodeSelect
                  label={t('cofinancing.status')}
                  value={row.status}
                  codes={COFINANCING_STATUSES}
                  labelOf={(value) => enumLabel(t, 'cofinancingStatus', value)}
                  error={errors[`${at}.status`]}
                  onChange={(status) => update(row.key, { status })}
                />
              </Group>
              {errors[at] ? (
                <Text size="sm" c="red.8">
                  {errors[at]}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <RemoveButton
                  label={t('cofinancing.removeLine', { number: index + 1 })}
                  onClick={() => onChange(rows.filter((item) => item.key !== row.key))}
                />
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...rows, cofinancingDraft()])}>
          {t('cofinancing.addLine')}
        </Button>
      </Group>
    </Stack>
  );
}
