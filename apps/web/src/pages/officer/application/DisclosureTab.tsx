import { useState } from 'react';
import { Anchor, Button, Checkbox, Code, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { ApplicationView, Schemas } from '../../../api/types';
import { Facts } from '../../../components/Facts';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryState } from '../../../components/QueryState';
import { ScrollTable } from '../../../components/ScrollTable';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../lib/format';
import { documentKindLabel, enumLabel } from '../../../lib/labels';
import { useCommand } from './command';

type DisclosureHistory = Schemas['DisclosureHistoryDto'];
type DisclosurePackage = Schemas['DisclosurePackageDto'];

/** portfolio.md: a package is published or amended in these stages (409 DISCLOSURE.WRONG_STAGE elsewhere). */
export const DISCLOSURE_STAGES: readonly string[] = ['esg_review', 'financing', 'committee'];
/** The tab shows from E&S review on: a package published then stays readable after the decision. */
export const DISCLOSURE_TAB_HIDDEN: readonly string[] = ['draft', 'submitted', 'screening'];

/** Kept under the application's key: every command on the application refreshes it. */
const useDisclosure = (id: string) =>
  useQuery({
    queryKey: ['application', id, 'disclosure'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/disclosure', { params: { path: { id } } })),
  });

/**
 * Disclosure before the decision (portfolio.md): the latest package as the public register shows it, every
 * version with its hash, and the form that publishes the first version or an amendment (summary for the public,
 * the E&S review summary, the documents made public). The API judges the package and names what it refuses.
 */
export function DisclosureTab({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const history = useDisclosure(view.id);
  return (
    <Stack gap="md">
      <Section title={t('disclosure.title')} id="disclosure">
        <Text size="sm">{t('disclosure.intro')}</Text>
        <QueryState query={history}>
          {(data) => <LatestPackage history={data} reference={view.reference} />}
        </QueryState>
      </Section>
      {DISCLOSURE_STAGES.includes(view.stage) ? (
        <QueryState query={history}>{(data) => <PublishForm view={view} latest={data.latest} />}</QueryState>
      ) : (
        <Text size="sm" c="dimmed">
          {t('disclosure.onlyInStages')}
        </Text>
      )}
    </Stack>
  );
}

function LatestPackage({ history, reference }: { history: DisclosureHistory; reference: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const latest = history.latest;
  if (latest === null) return <Text size="sm">{t('disclosure.none')}</Text>;
  const c = latest.content;
  return (
    <Stack gap="sm">
      <Facts
        items={[
          [t('disclosure.version'), String(latest.version)],
          [t('disclosure.disclosedAt'), format.dateTime(latest.disclosedAt)],
          [t('disclosure.firstDisclosedAt'), format.dateTime(history.versions[0]?.disclosedAt)],
          [
            t('disclosure.amount'),
            `${format.usd(c.forgeAmountUsd)} · ${enumLabel(t, 'instrument', c.instrument)}`,
          ],
          [t('disclosure.category'), c.category ?? '—'],
        ]}
      />
      <Facts
        cols={1}
        items={[
          [t('disclosure.summary'), c.summary],
          [t('disclosure.esReviewSummary'), c.esReviewSummary ?? '—'],
          [
            t('disclosure.publicDocuments'),
            c.publicDocuments.length === 0
              ? '—'
              : c.publicDocuments.map((d) => documentKindLabel(t, d.kind)).join(', '),
          ],
          [t('disclosure.contentHash'), <Code key="hash">{latest.contentHash}</Code>],
        ]}
      />
      <Anchor href={`/api/v1/public/projects/${encodeURIComponent(reference)}`} target="_blank" size="sm">
        {t('disclosure.publicRegister')}
      </Anchor>
      <Versions versions={history.versions} />
    </Stack>
  );
}

function Versions({ versions }: { versions: DisclosurePackage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollTable minWidth={520}>
      <Table>
        <Table.Caption>{t('disclosure.versionsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('disclosure.version')}</Table.Th>
            <Table.Th scope="col">{t('disclosure.disclosedAt')}</Table.Th>
            <Table.Th scope="col">{t('disclosure.contentHash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{format.dateTime(v.disclosedAt)}</Table.Td>
              <Table.Td>
                <Code>{v.contentHash.slice(0, 16)}…</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function PublishForm({ view, latest }: { view: ApplicationView; latest: DisclosurePackage | null }) {
  const { t } = useTranslation();
  const command = useCommand(view.id);
  const [summary, setSummary] = useState(latest?.content.summary ?? '');
  const [esReviewSummary, setEsReviewSummary] = useState(latest?.content.esReviewSummary ?? '');
  const [documentIds, setDocumentIds] = useState<string[]>(
    latest?.content.publicDocuments.map((d) => d.id) ?? [],
  );
  const [missing, setMissing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  // Ownership evidence names the beneficial owners: no package makes it public (the API refuses it too).
  const candidates = view.documents.filter((d) => d.kind !== 'ownership_evidence');

  async function publish() {
    if (summary.trim() === '') {
      setMissing(true);
      return;
    }
    setPublished(null);
    const result = await command.run(() =>
      call(
        api.POST('/api/v1/applications/{id}/disclosure', {
          params: { path: { id: view.id } },
          body: {
            summary: summary.trim(),
            esReviewSummary: esReviewSummary.trim() === '' ? null : esReviewSummary.trim(),
            publicDocumentIds: documentIds,
          },
        }),
      ),
    );
    if (result) setPublished(result.version);
  }

  return (
    <Section
      title={latest ? t('disclosure.amendTitle') : t('disclosure.publishTitle')}
      id="disclosure-publish"
    >
      <Textarea
        label={t('disclosure.summary')}
        required
        autosize
        minRows={3}
        value={summary}
        error={missing ? t('validation.required') : undefined}
        onChange={(event) => {
          setSummary(event.currentTarget.value);
          setMissing(false);
        }}
      />
      <Textarea
        label={t('disclosure.esReviewSummary')}
        description={t('disclosure.esReviewSummaryHint')}
        autosize
        minRows={3}
        value={esReviewSummary}
        onChange={(event) => setEsReviewSummary(event.currentTarget.value)}
      />
      {candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disclosure.noDocuments')}
        </Text>
      ) : (
        <Checkbox.Group
          label={t('disclosure.publicDocuments')}
          description={t('disclosure.publicDocumentsHint')}
          value={documentIds}
          onChange={setDocumentIds}
        >
          <Stack gap={4} mt={4}>
            {candidates.map((d) => (
              <Checkbox
                key={d.id}
                value={d.id}
                label={`${documentKindLabel(t, d.kind)}: ${d.filename ?? d.id}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <ProblemAlert error={command.error} onReload={command.reload} />
      {published !== null ? (
        <Text size="sm" role="status" c="teal.9">
          {t('disclosure.published', { version: published })}
        </Text>
      ) : null}
      <Group>
        <Button onClick={() => void publish()} loading={command.busy}>
          {latest ? t('disclosure.amend') : t('disclosure.publish')}
        </Button>
      </Group>
    </Section>
  );
}
