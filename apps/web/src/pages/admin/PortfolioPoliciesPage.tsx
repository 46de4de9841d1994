import { useState } from 'react';
import { Alert, Button, Code, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import type { Schemas } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { parseNumber } from '../../lib/numbers';

type PolicyVersion = Schemas['PortfolioPolicyVersionDto'];
/** A limit of a policy version (FORGE-PP's data: libs/domain/src/portfolio/forge-pp-1-0-0.params.ts). */
interface Limit {
  code: string;
  name: string;
  bound: 'max' | 'min';
  bp: number;
  base: 'envelope' | 'book';
  blocking: boolean;
  [field: string]: unknown;
}
interface Params {
  policy: string;
  version: string;
  limits: Limit[];
}

const paramsOf = (version: PolicyVersion) => version.params as unknown as Params;
const percentOf = (bp: number) => (bp / 100).toFixed(2);
/** The next minor version (1.0.0 → 1.1.0): what a proposal usually is. */
function nextVersion(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return Number.isInteger(major) && Number.isInteger(minor) ? `${major}.${(minor ?? 0) + 1}.0` : '';
}

/**
 * The portfolio policy (portfolio.md "Concentration limits", FORGE-PP): versioned data under four eyes. Every
 * version with its hash and status; the active limits; a proposal with each limit beside the active one, which a
 * second admin approves or rejects with a note (the proposer is told why they cannot); and the form that
 * proposes a new version from the active one (each limit's percentage, the version number, a rationale).
 */
export default function PortfolioPoliciesPage() {
  const { t } = useTranslation();
  const policies = useQuery({
    queryKey: ['portfolio-policies'],
    queryFn: () => call(api.GET('/api/v1/admin/portfolio-policies')),
  });
  return (
    <>
      <PageHeader title={t('policies.title')} subtitle={t('policies.subtitle')} />
      <QueryState query={policies}>
        {(versions) => {
          const active = versions.find((v) => v.active);
          const pending = versions.find((v) => v.status === 'pending');
          return (
            <Stack gap="md">
              {active ? <ActiveLimits active={active} /> : null}
              {pending && active ? <PendingVersion pending={pending} active={active} /> : null}
              {!pending && active ? <ProposeForm active={active} /> : null}
              <Versions versions={versions} />
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}

function ActiveLimits({ active }: { active: PolicyVersion }) {
  const { t } = useTranslation();
  return (
    <Section title={t('policies.activeTitle', { version: active.version })} id="active-policy">
      <DataTable
        caption={t('policies.limitsCaption', { version: active.version })}
        rows={paramsOf(active).limits}
        rowKey={(limit) => limit.code}
        columns={[
          { header: t('policies.code'), cell: (limit) => <Code>{limit.code}</Code>, rowHeader: true },
          { header: t('policies.name'), cell: (limit) => limit.name },
          {
            header: t('policies.limit'),
            cell: (limit) => `${limit.bound === 'max' ? '≤' : '≥'} ${percentOf(limit.bp)} %`,
            numeric: true,
          },
          { header: t('policies.base'), cell: (limit) => t(`policies.bases.${limit.base}`) },
          {
            header: t('policies.blocking'),
            cell: (limit) => (limit.blocking ? t('policies.blocks') : t('policies.target')),
          },
        ]}
      />
    </Section>
  );
}

function PendingVersion({ pending, active }: { pending: PolicyVersion; active: PolicyVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const command = useAction([['portfolio-policies'], ['portfolio'], ['inbox']]);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const mine = pending.proposedBy === user?.id;
  const before = new Map(paramsOf(active).limits.map((limit) => [limit.code, limit]));
  async function decide(decision: 'approve' | 'reject') {
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    const path =
      decision === 'approve'
        ? ('/api/v1/admin/portfolio-policies/{id}/approve' as const)
        : ('/api/v1/admin/portfolio-policies/{id}/reject' as const);
    await command.run(
      () => call(api.POST(path, { params: { path: { id: pending.id } }, body: { note: note.trim() } })),
      decision,
    );
  }
  return (
    <Section title={t('policies.pendingTitle', { version: pending.version })} id="pending-policy">
      <Text size="sm">
        {t('policies.proposedAt', { date: format.dateTime(pending.proposedAt) })} {pending.rationale ?? ''}
      </Text>
      <DataTable
        caption={t('policies.changesCaption', { from: active.version, to: pending.version })}
        rows={paramsOf(pending).limits}
        rowKey={(limit) => limit.code}
        columns={[
          { header: t('policies.code'), cell: (limit) => <Code>{limit.code}</Code>, rowHeader: true },
          {
            header: t('policies.activeLimit', { version: active.version }),
            cell: (limit) => {
              const was = before.get(limit.code);
              return was ? `${was.bound === 'max' ? '≤' : '≥'} ${percentOf(was.bp)} %` : '—';
            },
            numeric: true,
          },
          {
            header: t('policies.proposedLimit', { version: pending.version }),
            cell: (limit) => {
              const changed = before.get(limit.code)?.bp !== limit.bp;
              const text = `${limit.bound === 'max' ? '≤' : '≥'} ${percentOf(limit.bp)} %`;
              return changed ? <strong>{text}</strong> : text;
            },
            numeric: true,
          },
        ]}
      />
      {mine ? (
        <Alert color="gray" variant="light">
          {t('policies.ownProposal')}
        </Alert>
      ) : (
        <Stack gap="xs">
          <Textarea
            label={t('policies.note')}
            required
            autosize
            minRows={2}
            value={note}
            error={missing ? t('validation.required') : undefined}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setMissing(false);
            }}
          />
          <ProblemAlert error={command.error} onReload={command.reload} />
          <Group>
            <Button loading={command.running === 'approve'} onClick={() => void decide('approve')}>
              {t('policies.approve', { version: pending.version })}
            </Button>
            <Button
              variant="default"
              loading={command.running === 'reject'}
              onClick={() => void decide('reject')}
            >
              {t('policies.reject', { version: pending.version })}
            </Button>
          </Group>
        </Stack>
      )}
    </Section>
  );
}

function ProposeForm({ active }: { active: PolicyVersion }) {
  const { t } = useTranslation();
  const command = useAction([['portfolio-policies'], ['inbox']]);
  const params = paramsOf(active);
  const [version, setVersion] = useState(nextVersion(params.version));
  const [percents, setPercents] = useState<Record<string, string>>(
    Object.fromEntries(params.limits.map((limit) => [limit.code, percentOf(limit.bp)])),
  );
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function propose() {
    const found: Record<string, string> = {};
    const limits = params.limits.map((limit) => {
      // A percentage with at most two decimals, sent as integer basis points (the policy's unit).
      const value = parseNumber(percents[limit.code] ?? '');
      const bp = value === undefined ? Number.NaN : Math.round(value * 100);
      if (value === undefined || bp < 0 || bp > 10_000 || Math.abs(value * 100 - bp) > 1e-6)
        found[limit.code] = t('validation.percent');
      return { ...limit, bp };
    });
    if (rationale.trim() === '') found.rationale = t('validation.required');
    if (version.trim() === '') found.version = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await command.run(() =>
      call(
        api.POST('/api/v1/admin/portfolio-policies', {
          body: {
            params: { policy: params.policy, version: version.trim(), limits },
            rationale: rationale.trim(),
          },
        }),
      ),
    );
  }
  return (
    <Section title={t('policies.proposeTitle')} id="propose-policy">
      <Text size="sm">{t('policies.proposeHelp')}</Text>
      <TextInput
        label={t('policies.version')}
        value={version}
        onChange={(event) => setVersion(event.currentTarget.value)}
        error={errors.version}
        maw={200}
      />
      <Group align="flex-start" wrap="wrap">
        {params.limits.map((limit) => (
          <TextInput
            key={limit.code}
            label={t('policies.percentOf', { code: limit.code })}
            description={limit.name}
            inputMode="decimal"
            value={percents[limit.code] ?? ''}
            error={errors[limit.code]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setPercents((current) => ({ ...current, [limit.code]: value }));
            }}
            w={220}
          />
        ))}
      </Group>
      <Textarea
        label={t('policies.rationale')}
        required
        autosize
        minRows={2}
        value={rationale}
        error={errors.rationale}
        onChange={(event) => setRationale(event.currentTarget.value)}
      />
      <ProblemAlert error={command.error} onReload={command.reload} />
      <Group>
        <Button loading={command.busy} onClick={() => void propose()}>
          {t('policies.propose')}
        </Button>
      </Group>
    </Section>
  );
}

function Versions({ versions }: { versions: PolicyVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('policies.versionsTitle')} id="policy-versions">
      <DataTable
        caption={t('policies.versionsCaption')}
        rows={versions}
        rowKey={(v) => v.id}
        columns={[
          { header: t('policies.version'), cell: (v) => `${v.policy} ${v.version}`, rowHeader: true },
          {
            header: t('policies.status'),
            cell: (v) =>
              v.active ? (
                <Text size="sm" fw={700}>
                  {t('policies.active')}
                </Text>
              ) : (
                t(`policies.statuses.${v.status}`)
              ),
          },
          {
            header: t('policies.hash'),
            cell: (v) => <Code title={v.paramsHash}>{v.paramsHash.slice(0, 16)}…</Code>,
          },
          // The built-in version was never proposed by anyone (its record carries no real date).
          { header: t('policies.proposed'), cell: (v) => (v.builtIn ? '—' : format.dateTime(v.proposedAt)) },
          { header: t('policies.decided'), cell: (v) => (v.decidedAt ? format.dateTime(v.decidedAt) : '—') },
          { header: t('policies.decisionNote'), cell: (v) => v.decisionNote ?? v.rationale ?? '—' },
        ]}
      />
    </Section>
  );
}
