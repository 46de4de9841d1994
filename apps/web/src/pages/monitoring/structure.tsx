import { useState } from 'react';
import { Button, Checkbox, Code, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useCovenants, useDisbursements, useEsap, type DisbursementsView } from '../../api/monitoring';
import { fieldErrorsOf, fieldErrorUnder } from '../../api/problem';
import type { ApplicationView, Schemas } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { CodeSelect, RemoveButton, UsdInput } from '../../components/Fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { parseNumber } from '../sponsor/form/fields';
import { useCommand } from '../officer/application/command';

/**
 * The financing structure's post-close parts (monitoring.md): its tranches with their conditions, and its
 * covenants. Officers edit both on the Financing tab; the API checks every field and answers problem+json,
 * whose messages stand next to the fields they name (`tranches[1].amountUsd`, `covenants[0].rule.min`).
 */

/** Where the API records tranches (before the first disbursement: `financed` is the last). */
export const TRANCHE_STAGES = ['financing', 'committee', 'approved', 'financed'];
/** Where the API records covenants (not in `committee`, whose pack is frozen). */
export const COVENANT_STAGES = ['financing', 'approved', 'financed', 'disbursing', 'monitoring'];

type Covenant = Schemas['CovenantDto'];
type CovenantKind = Covenant['kind'];

/**
 * The covenant rules the API knows, each with its kind, its one parameter and how the form shows it: `ratio`
 * in the API's integer hundredths (the form takes 1.20 for 120), `pct` a percentage with up to two decimals,
 * the others whole numbers. The domain (libs/domain covenants.ts) stays the judge: this only drives the form.
 */
const RULES = {
  min_dscr: { kind: 'financial', param: 'min', unit: 'ratio' },
  max_fatalities: { kind: 'es', param: 'max', unit: 'count' },
  max_ltifr: { kind: 'es', param: 'max', unit: 'ratio' },
  max_water_withdrawal_m3: { kind: 'es', param: 'max', unit: 'count' },
  max_ghg_scope12_tonnes: { kind: 'es', param: 'max', unit: 'count' },
  min_grievance_resolution_pct: { kind: 'es', param: 'minPct', unit: 'pct' },
  min_local_employment_pct: { kind: 'es', param: 'minPct', unit: 'pct' },
  min_local_procurement_pct: { kind: 'es', param: 'minPct', unit: 'pct' },
  amr_on_time: { kind: 'reporting', param: 'graceDays', unit: 'count' },
} as const satisfies Record<string, { kind: CovenantKind; param: string; unit: 'ratio' | 'pct' | 'count' }>;
type RuleType = keyof typeof RULES;
const RULE_TYPES = Object.keys(RULES) as RuleType[];

const isRuleType = (value: unknown): value is RuleType =>
  typeof value === 'string' && Object.hasOwn(RULES, value);

/** A rule's threshold as the form shows it (1.2 for a DSCR of 120 hundredths). */
function thresholdText(rule: Covenant['rule']): string {
  if (!isRuleType(rule.type)) return '';
  const spec = RULES[rule.type];
  const value = rule[spec.param];
  if (typeof value !== 'number') return '';
  return String(spec.unit === 'ratio' ? value / 100 : value);
}

/** A rule in words: its type's label and threshold (`Minimum DSCR: 1.2`), or the raw rule for one unknown here. */
function useRuleText() {
  const { t } = useTranslation();
  return (rule: Covenant['rule']) =>
    isRuleType(rule.type)
      ? `${t(`structure.threshold.${rule.type}`)}: ${thresholdText(rule)}`
      : Object.entries(rule)
          .map(([key, value]) => `${key}: ${String(value)}`)
          .join(', ');
}

/** The covenants each annual report is tested against, and whether they are the structure's or the defaults. */
export function CovenantsTable({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const covenants = useCovenants(applicationId);
  const ruleText = useRuleText();
  return (
    <QueryState query={covenants}>
      {(data) => (
        <>
          <Text size="sm">{t(`monitoring.covenantSource.${data.source}`)}</Text>
          <DataTable
            caption={t('monitoring.covenantsCaption')}
            rows={data.covenants}
            rowKey={(covenant) => covenant.code}
            columns={[
              {
                header: t('monitoring.covenant'),
                cell: (covenant) => <Code>{covenant.code}</Code>,
                rowHeader: true,
              },
              {
                header: t('monitoring.kind'),
                cell: (covenant) => t(`monitoring.covenantKind.${covenant.kind}`),
              },
              { header: t('monitoring.rule'), cell: (covenant) => ruleText(covenant.rule) },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}

let drafts = 0;
const nextKey = () => (drafts += 1);

/**
 * A list the officer edits row by row and records in one command (the tranches, the covenants): the rows, their
 * updates, the command with its field errors, and whether the last save went through (until the next edit).
 */
function useRowsForm<Row extends { key: number }>(applicationId: string, initial: () => Row[]) {
  const command = useCommand(applicationId);
  const [rows, setRows] = useState<Row[]>(initial);
  const [saved, setSaved] = useState(false);
  const edit = (next: (list: Row[]) => Row[]) => {
    setSaved(false);
    setRows(next);
  };
  return {
    rows,
    saved,
    command,
    errors: fieldErrorsOf(command.error),
    add: (row: Row) => edit((list) => [...list, row]),
    remove: (key: number) => edit((list) => list.filter((row) => row.key !== key)),
    update: (key: number, patch: Partial<Row>) =>
      edit((list) => list.map((row) => (row.key === key ? { ...row, ...patch } : row))),
    async save(request: (rows: Row[]) => Promise<unknown>) {
      setSaved(false);
      setSaved((await command.run(() => request(rows))) !== undefined);
    },
  };
}

interface CovenantDraft {
  key: number;
  code: string;
  type: RuleType;
  threshold: string;
}

function covenantDraft(covenant?: Covenant): CovenantDraft {
  return {
    key: nextKey(),
    code: covenant?.code ?? '',
    type: isRuleType(covenant?.rule.type) ? covenant.rule.type : 'min_dscr',
    threshold: covenant ? thresholdText(covenant.rule) : '',
  };
}

function toCovenant(draft: CovenantDraft): Covenant {
  const spec = RULES[draft.type];
  const value = parseNumber(draft.threshold);
  // An unreadable number goes as null: the API names the field and says what it must be.
  const threshold = value === undefined ? null : spec.unit === 'ratio' ? Math.round(value * 100) : value;
  return { code: draft.code.trim(), kind: spec.kind, rule: { type: draft.type, [spec.param]: threshold } };
}

/** Edit the covenants: from the ones in force (the structure's, or the fund's defaults), add, change, remove. */
export function CovenantsEditor({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const covenants = useCovenants(view.id);
  return (
    <Section title={t('structure.covenantsTitle')} id="covenants-editor">
      <Text size="sm">{t('structure.covenantsHelp')}</Text>
      <QueryState query={covenants}>
        {(data) => <CovenantsForm view={view} initial={data.covenants} />}
      </QueryState>
    </Section>
  );
}

function CovenantsForm({ view, initial }: { view: ApplicationView; initial: Covenant[] }) {
  const { t } = useTranslation();
  const { rows, saved, command, errors, add, remove, update, save } = useRowsForm(view.id, () =>
    initial.map(covenantDraft),
  );
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('structure.covenantsTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void save((list) =>
          call(
            api.PUT('/api/v1/applications/{id}/covenants', {
              params: { path: { id: view.id } },
              body: { covenants: list.map(toCovenant), expectedVersion: view.version },
            }),
          ),
        );
      }}
    >
      {rows.map((row, index) => {
        const at = `covenants.${index}`;
        const spec = RULES[row.type];
        return (
          <Fieldset key={row.key} legend={t('structure.covenantN', { number: index + 1 })}>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput
                label={t('structure.code')}
                description={t('structure.codeHint')}
                value={row.code}
                required
                error={errors[`${at}.code`]}
                onChange={(event) => update(row.key, { code: event.currentTarget.value })}
                w={220}
              />
              <CodeSelect
                label={t('structure.ruleTypeLabel')}
                value={row.type}
                codes={RULE_TYPES}
                labelOf={(type) => t(`structure.ruleType.${type}`)}
                error={errors[`${at}.rule.type`] ?? errors[`${at}.kind`]}
                onChange={(type) => update(row.key, { type })}
              />
              <TextInput
                label={t(`structure.threshold.${row.type}`)}
                description={`${t(`monitoring.covenantKind.${spec.kind}`)} · ${t(`structure.unit.${spec.unit}`)}`}
                value={row.threshold}
                inputMode="decimal"
                required
                error={fieldErrorUnder(errors, `${at}.rule`)}
                onChange={(event) => update(row.key, { threshold: event.currentTarget.value })}
                w={240}
              />
            </Group>
            <Group justify="flex-end">
              <RemoveButton
                label={t('structure.removeCovenant', { number: index + 1 })}
                onClick={() => remove(row.key)}
              />
            </Group>
          </Fieldset>
        );
      })}
      {rows.length === 0 ? <Text size="sm">{t('structure.noCovenants')}</Text> : null}
      <Group>
        <Button size="xs" variant="light" onClick={() => add(covenantDraft())} disabled={rows.length >= 30}>
          {t('structure.addCovenant')}
        </Button>
      </Group>
      <ProblemAlert error={command.error} onReload={command.reload} />
      {saved ? <div role="status">{t('structure.covenantsSaved')}</div> : null}
      <Group>
        <Button type="submit" loading={command.busy}>
          {t('structure.saveCovenants')}
        </Button>
      </Group>
    </Stack>
  );
}

interface TrancheDraft {
  key: number;
  id: string;
  amount: string;
  conditionIds: string[];
}

/**
 * Split the FORGE amount into tranches, each with the conditions it waits on (conditions precedent and ESAP
 * items). Until the first disbursement only: after that the API refuses, and the editor says why.
 */
export function TranchesEditor({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const money = useDisbursements(view.id);
  return (
    <Section title={t('structure.tranchesTitle')} id="tranches-editor">
      <Text size="sm">{t('structure.tranchesHelp')}</Text>
      <QueryState query={money}>
        {(data) =>
          data.disbursedUsd > 0 ? (
            <Text size="sm">{t('structure.tranchesFixed')}</Text>
          ) : (
            <TranchesForm view={view} data={data} />
          )
        }
      </QueryState>
    </Section>
  );
}

function TranchesForm({ view, data }: { view: ApplicationView; data: DisbursementsView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const esap = useEsap(view.id);
  const { rows, saved, command, errors, add, remove, update, save } = useRowsForm<TrancheDraft>(view.id, () =>
    data.tranches.map((tranche) => ({
      key: nextKey(),
      id: tranche.id,
      amount: String(tranche.amountUsd),
      conditionIds: [...tranche.conditionIds],
    })),
  );
  const conditions = [
    ...view.conditionsPrecedent.map((condition) => ({
      value: condition.id,
      label: t('structure.conditionPrecedent', { text: condition.text }),
    })),
    ...(esap.data ?? []).map((item) => ({
      value: item.id,
      label: t('structure.esapCondition', { standard: item.standard, text: item.description }),
    })),
  ];
  const sum = rows.reduce((total, row) => total + (parseNumber(row.amount) ?? 0), 0);
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('structure.tranchesTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void save((list) =>
          call(
            api.PUT('/api/v1/applications/{id}/tranches', {
              params: { path: { id: view.id } },
              body: {
                tranches: list.map((row) => ({
                  id: row.id.trim(),
                  // An unreadable amount goes as null: the API names the field and says what it must be.
                  amountUsd: parseNumber(row.amount) ?? (null as unknown as number),
                  conditionIds: row.conditionIds,
                })),
                expectedVersion: view.version,
              },
            }),
          ),
        );
      }}
    >
      {rows.map((row, index) => {
        const at = `tranches.${index}`;
        return (
          <Fieldset key={row.key} legend={t('structure.trancheN', { number: index + 1 })}>
            <Stack gap="xs">
              <Group gap="sm" align="flex-start" wrap="wrap">
                <TextInput
                  label={t('structure.trancheId')}
                  value={row.id}
                  required
                  error={errors[`${at}.id`]}
                  onChange={(event) => update(row.key, { id: event.currentTarget.value })}
                  w={160}
                />
                <UsdInput
                  label={t('structure.trancheAmount')}
                  value={row.amount}
                  required
                  error={errors[`${at}.amountUsd`]}
                  onChange={(amount) => update(row.key, { amount })}
                  w={220}
                />
              </Group>
              <Checkbox.Group
                label={t('structure.trancheConditions', { number: index + 1 })}
                value={row.conditionIds}
                error={fieldErrorUnder(errors, `${at}.conditionIds`)}
                onChange={(conditionIds) => update(row.key, { conditionIds })}
              >
                <Stack gap={4} mt={4}>
                  {conditions.length === 0 ? <Text size="sm">{t('structure.noConditions')}</Text> : null}
                  {conditions.map((condition) => (
                    <Checkbox key={condition.value} value={condition.value} label={condition.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Group justify="flex-end">
                <RemoveButton
                  label={t('structure.removeTranche', { number: index + 1 })}
                  onClick={() => remove(row.key)}
                />
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => add({ key: nextKey(), id: `T${rows.length + 1}`, amount: '', conditionIds: [] })}
        >
          {t('structure.addTranche')}
        </Button>
      </Group>
      <Text size="sm" fw={600}>
        {t('structure.trancheSum', { sum: format.usd(sum), amount: format.usd(data.forgeAmountUsd) })}
      </Text>
      {errors.tranches ? (
        <Text size="sm" c="red.8">
          {errors.tranches}
        </Text>
      ) : null}
      <ProblemAlert error={command.error} onReload={command.reload} />
      {saved ? <div role="status">{t('structure.tranchesSaved')}</div> : null}
      <Group>
        <Button type="submit" loading={command.busy}>
          {t('structure.saveTranches')}
        </Button>
      </Group>
    </Stack>
  );
}
