import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { fieldErrorsOf } from '../../../api/problem';
import type { ApplicationView, Schemas } from '../../../api/types';
import { Facts } from '../../../components/Facts';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { Section } from '../../../components/Section';
import { INSTRUMENTS } from '../../../lib/enums';
import { useFormat } from '../../../lib/format';
import { enumLabel } from '../../../lib/labels';
import { parseNumber } from '../../../lib/numbers';
import { RemoveButton, UsdInput } from '../../../components/Fields';
import { COVENANT_STAGES, CovenantsEditor, TRANCHE_STAGES, TranchesEditor } from '../../monitoring/structure';
import {
  CofinancingLinesEditor,
  CofinancingSection,
  cofinancingDraft,
  toCofinancingLine,
  type CofinancingDraft,
} from './Cofinancing';
import { useCommand } from './command';

type Mitigant = Schemas['MitigantDto'];
type MitigantType = Mitigant['type'];
type Cover = NonNullable<Mitigant['covers']>[number];

const MITIGANT_TYPES = [
  'political_risk_insurance',
  'offtake',
  'commodity_hedge',
  'fixed_price_epc',
  'completion_guarantee',
  'first_loss',
  'partial_credit_guarantee',
  'independent_es_review',
  'water_solution',
  'gistm_conformance',
  'fpic_agreement',
  'verified_ownership_and_contracts',
  'usd_offtake_offshore_dsra',
] as const satisfies readonly MitigantType[];
const COVERS = [
  'transfer_convertibility',
  'expropriation',
  'war_civil_disturbance',
  'breach_of_contract',
] as const satisfies readonly Cover[];

/** The fields each mitigant type carries (scoring.md, "Gross, mitigants, residual"). */
const FIELDS: Partial<
  Record<
    MitigantType,
    Array<'coveragePct' | 'pct' | 'covers' | 'buyerInvestmentGrade' | 'floorPrice' | 'provider'>
  >
> = {
  political_risk_insurance: ['covers', 'provider'],
  offtake: ['coveragePct', 'buyerInvestmentGrade', 'floorPrice'],
  commodity_hedge: ['coveragePct'],
  first_loss: ['pct'],
  partial_credit_guarantee: ['coveragePct', 'provider'],
};

interface MitigantDraft {
  key: number;
  type: MitigantType;
  coveragePct: string;
  pct: string;
  covers: Cover[];
  buyerInvestmentGrade: boolean;
  floorPrice: boolean;
  provider: string;
}

let keys = 0;
function draftOf(mitigant?: Mitigant): MitigantDraft {
  keys += 1;
  return {
    key: keys,
    type: mitigant?.type ?? 'political_risk_insurance',
    coveragePct: mitigant?.coveragePct != null ? String(mitigant.coveragePct) : '',
    pct: mitigant?.pct != null ? String(mitigant.pct) : '',
    covers: mitigant?.covers ?? [],
    buyerInvestmentGrade: mitigant?.buyerInvestmentGrade ?? false,
    floorPrice: mitigant?.floorPrice ?? false,
    provider: mitigant?.provider ?? '',
  };
}

function toMitigant(draft: MitigantDraft): Mitigant {
  const fields = FIELDS[draft.type] ?? [];
  const mitigant: Mitigant = { type: draft.type };
  if (fields.includes('coveragePct') && draft.coveragePct.trim())
    mitigant.coveragePct = parseNumber(draft.coveragePct);
  if (fields.includes('pct') && draft.pct.trim()) mitigant.pct = parseNumber(draft.pct);
  if (fields.includes('covers')) mitigant.covers = draft.covers;
  if (fields.includes('buyerInvestmentGrade')) mitigant.buyerInvestmentGrade = draft.buyerInvestmentGrade;
  if (fields.includes('floorPrice')) mitigant.floorPrice = draft.floorPrice;
  if (fields.includes('provider') && draft.provider.trim()) mitigant.provider = draft.provider.trim();
  return mitigant;
}

/**
 * The financing structure: instrument, amount, tenor, mitigants, conditions precedent and co-financing lines
 * (recording it queues a fresh risk assessment); the co-financing on record with private direct mobilisation
 * and the ratio; after approval, conditions are satisfied with evidence (four eyes); its
 * tranches (until the first disbursement) and covenants (monitoring.md), where the API records them.
 */
export function FinancingTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const current = view.financing;
  return (
    <Stack gap="md">
      {current ? (
        <Section title={t('officer.financing.current')} id="financing-current">
          <Facts
            items={[
              [t('field.instrument'), enumLabel(t, 'instrument', current.instrument)],
              [t('officer.financing.amount'), format.usd(current.amountUsd)],
              [t('field.tenorYears'), current.tenorYears],
              [
                t('officer.financing.mitigants'),
                current.mitigants.map((mitigant) => t(`mitigant.${mitigant.type}`)).join(', ') || '—',
              ],
            ]}
          />
        </Section>
      ) : null}
      {current ? <CofinancingSection view={view} /> : null}
      {view.stage === 'financing' ? <FinancingEditor view={view} /> : null}
      {!current && view.stage !== 'financing' ? (
        <Text size="sm">{t('officer.financing.onlyInFinancing')}</Text>
      ) : null}
      {view.conditionsPrecedent.length > 0 ? <Conditions view={view} /> : null}
      {current && TRANCHE_STAGES.includes(view.stage) ? <TranchesEditor view={view} /> : null}
      {current && COVENANT_STAGES.includes(view.stage) ? <CovenantsEditor view={view} /> : null}
    </Stack>
  );
}

function FinancingEditor({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const current = view.financing;
  const [instrument, setInstrument] = useState<string>(
    current?.instrument ?? view.instrument ?? 'senior_loan',
  );
  const [amount, setAmount] = useState(String(current?.amountUsd ?? view.requestedAmountUsd ?? ''));
  const [tenor, setTenor] = useState(String(current?.tenorYears ?? view.tenorYears ?? ''));
  const [mitigants, setMitigants] = useState<MitigantDraft[]>((current?.mitigants ?? []).map(draftOf));
  const [conditions, setConditions] = useState<string>((current?.conditionsPrecedent ?? []).join('\n'));
  const [cofinancing, setCofinancing] = useState<CofinancingDraft[]>(
    (current?.cofinancing ?? []).map(cofinancingDraft),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const command = useCommand(view.id);
  const errors = fieldErrorsOf(command.error);
  const update = (key: number, patch: Partial<MitigantDraft>) =>
    setMitigants((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function save() {
    const found: Record<string, string> = {};
    const amountUsd = parseNumber(amount);
    if (amountUsd === undefined || !Number.isInteger(amountUsd) || amountUsd < 1)
      found.amount = t('validation.wholeNumber');
    const tenorYears = parseNumber(tenor);
    if (tenorYears === undefined || !Number.isInteger(tenorYears) || tenorYears < 1 || tenorYears > 30)
      found.tenor = t('validation.between', { min: 1, max: 30 });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    await command.run(() =>
      call(
        api.PUT('/api/v1/applications/{id}/financing', {
          params: { path: { id: view.id }, header: { 'if-match': String(view.version) } },
          body: {
            instrument: instrument as Schemas['FinancingDto']['instrument'],
            amountUsd: amountUsd as number,
            tenorYears: tenorYears as number,
            mitigants: mitigants.map(toMitigant),
            conditionsPrecedent: conditions
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            cofinancing: cofinancing.map(toCofinancingLine),
            expectedVersion: view.version,
          },
        }),
      ),
    );
  }

  return (
    <Section title={t('officer.financing.editor')} id="financing-editor">
      <Group grow align="flex-start" wrap="wrap">
        <NativeSelect
          label={t('field.instrument')}
          value={instrument}
          onChange={(event) => setInstrument(event.currentTarget.value)}
          data={INSTRUMENTS.map((value) => ({ value, label: enumLabel(t, 'instrument', value) }))}
          miw={200}
        />
        <UsdInput
          label={t('officer.financing.amount')}
          value={amount}
          error={problems.amount ?? errors.amountUsd}
          onChange={setAmount}
          miw={200}
        />
        <TextInput
          label={t('field.tenorYears')}
          value={tenor}
          inputMode="numeric"
          error={problems.tenor ?? errors.tenorYears}
          onChange={(event) => setTenor(event.currentTarget.value)}
          miw={120}
        />
      </Group>
      <Text fw={600} size="sm">
        {t('officer.financing.mitigants')}
      </Text>
      {mitigants.map((mitigant, index) => (
        <Fieldset key={mitigant.key} legend={t('officer.financing.mitigantN', { number: index + 1 })}>
          <Stack gap="xs">
            <NativeSelect
              label={t('officer.financing.mitigantType')}
              value={mitigant.type}
              onChange={(event) => update(mitigant.key, { type: event.currentTarget.value as MitigantType })}
              data={MITIGANT_TYPES.map((value) => ({ value, label: t(`mitigant.${value}`) }))}
            />
            {(FIELDS[mitigant.type] ?? []).includes('covers') ? (
              <Checkbox.Group
                label={t('officer.financing.covers')}
                value={mitigant.covers}
                onChange={(value) => update(mitigant.key, { covers: value as Cover[] })}
              >
                <Group mt={4}>
                  {COVERS.map((cover) => (
                    <Checkbox key={cover} value={cover} label={t(`cover.${cover}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : null}
            {(FIELDS[mitigant.type] ?? []).includes('coveragePct') ? (
              <TextInput
                label={t('officer.financing.coveragePct')}
                value={mitigant.coveragePct}
                inputMode="decimal"
                onChange={(event) => update(mitigant.key, { coveragePct: event.currentTarget.value })}
              />
            ) : null}
            {(FIELDS[mitigant.type] ?? []).includes('pct') ? (
              <TextInput
                label={t('officer.financing.pct')}
                value={mitigant.pct}
                inputMode="decimal"
                onChange={(event) => update(mitigant.key, { pct: event.currentTarget.value })}
              />
            ) : null}
            {(FIELDS[mitigant.type] ?? []).includes('buyerInvestmentGrade') ? (
              <Checkbox
                label={t('officer.financing.buyerInvestmentGrade')}
                checked={mitigant.buyerInvestmentGrade}
                onChange={(event) =>
                  update(mitigant.key, { buyerInvestmentGrade: event.currentTarget.checked })
                }
              />
            ) : null}
            {(FIELDS[mitigant.type] ?? []).includes('floorPrice') ? (
              <Checkbox
                label={t('officer.financing.floorPrice')}
                checked={mitigant.floorPrice}
                onChange={(event) => update(mitigant.key, { floorPrice: event.currentTarget.checked })}
              />
            ) : null}
            {(FIELDS[mitigant.type] ?? []).includes('provider') ? (
              <TextInput
                label={t('officer.financing.provider')}
                value={mitigant.provider}
                onChange={(event) => update(mitigant.key, { provider: event.currentTarget.value })}
              />
            ) : null}
            <Group justify="flex-end">
              <RemoveButton
                label={t('officer.financing.removeMitigant', { number: index + 1 })}
                onClick={() => setMitigants((list) => list.filter((item) => item.key !== mitigant.key))}
              />
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => setMitigants((list) => [...list, draftOf()])}>
          {t('officer.financing.addMitigant')}
        </Button>
      </Group>
      <Textarea
        label={t('officer.financing.conditions')}
        description={t('officer.financing.conditionsHint')}
        value={conditions}
        autosize
        minRows={2}
        onChange={(event) => setConditions(event.currentTarget.value)}
      />
      <CofinancingLinesEditor
        applicationId={view.id}
        rows={cofinancing}
        onChange={setCofinancing}
        errors={errors}
      />
      <ProblemAlert error={command.error} onReload={command.reload} />
      <Group>
        <Button onClick={() => void save()} loading={command.busy}>
          {t('officer.financing.save')}
        </Button>
      </Group>
    </Section>
  );
}

function Conditions({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('officer.financing.conditionsTitle')} id="conditions">
      <Stack gap="sm">
        {view.conditionsPrecedent.map((condition) => (
          <Stack key={condition.id} gap={4}>
            <Group gap="xs" wrap="nowrap">
              <Badge color={condition.satisfied ? 'green' : 'gray'} variant="light">
                {condition.satisfied ? t('sponsor.satisfied') : t('sponsor.outstanding')}
              </Badge>
              <Text size="sm">{condition.text}</Text>
            </Group>
            {!condition.satisfied && view.stage === 'approved' ? (
              <SatisfyForm applicationId={view.id} conditionId={condition.id} text={condition.text} />
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

function SatisfyForm({
  applicationId,
  conditionId,
  text,
}: {
  applicationId: string;
  conditionId: string;
  text: string;
}) {
  const { t } = useTranslation();
  const [evidence, setEvidence] = useState('');
  const [missing, setMissing] = useState(false);
  const command = useCommand(applicationId);
  async function satisfy() {
    if (evidence.trim() === '') {
      setMissing(true);
      return;
    }
    const done = await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/conditions/{cpId}/satisfy', {
          params: { path: { id: applicationId, cpId: conditionId } },
          body: { evidence: evidence.trim() },
        }),
      ),
    );
    if (done) setEvidence('');
  }
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <TextInput
        size="xs"
        label={t('officer.financing.evidenceFor', { text })}
        value={evidence}
        error={missing ? t('validation.required') : undefined}
        onChange={(event) => {
          setEvidence(event.currentTarget.value);
          setMissing(false);
        }}
        miw={260}
      />
      <Button size="xs" onClick={() => void satisfy()} loading={command.busy}>
        {t('officer.financing.satisfy')}
      </Button>
      <ProblemAlert error={command.error} onReload={command.reload} />
    </Group>
  );
}
