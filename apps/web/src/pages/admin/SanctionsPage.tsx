import { useState } from 'react';
import { Alert, Button, Code, FileInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Schemas } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';

type Preview = Schemas['SanctionsListPreviewDto'];
type Entry = Schemas['SanctionsEntrySummaryDto'];
type Loaded = Schemas['SanctionsListResponseDto'];

/**
 * Loading a sanctions list (admins): choose the OFAC files, see what would change against the active list
 * (entries added, removed, changed) and only then load it; loading re-screens every open application.
 */
export default function SanctionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [name, setName] = useState('');
  const [sdn, setSdn] = useState<File | null>(null);
  const [alt, setAlt] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [body, setBody] = useState<{ name: string; sdnCsv: string; altCsv?: string } | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'preview' | 'load' | null>(null);
  const fieldErrors = error instanceof ApiProblem ? error.fieldErrors() : {};

  async function runPreview() {
    setError(null);
    setLoaded(null);
    setPreview(null);
    if (!sdn) return setError(new ApiProblem(400, 'VALIDATION.FAILED', t('admin.sdnMissing'), ''));
    setBusy('preview');
    try {
      const next = {
        name: name.trim() || sdn.name,
        sdnCsv: await sdn.text(),
        ...(alt ? { altCsv: await alt.text() } : {}),
      };
      setPreview(await call(api.POST('/api/v1/admin/reference/sanctions-lists/preview', { body: next })));
      setBody(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }
  async function load() {
    if (!body) return;
    setBusy('load');
    setError(null);
    try {
      setLoaded(await call(api.POST('/api/v1/admin/reference/sanctions-lists', { body })));
      setPreview(null);
      setBody(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader title={t('admin.sanctionsTitle')} subtitle={t('admin.sanctionsSubtitle')} />
      <Stack gap="md">
        <Section title={t('admin.chooseList')} id="choose-list">
          <Stack
            gap="sm"
            component="form"
            onSubmit={(event) => {
              event.preventDefault();
              void runPreview();
            }}
          >
            <TextInput
              label={t('admin.listName')}
              description={t('admin.listNameHelp')}
              value={name}
              error={fieldErrors.name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setPreview(null);
              }}
              maw={420}
            />
            <Group gap="sm" align="flex-start" wrap="wrap">
              <FileInput
                label={t('admin.sdnFile')}
                placeholder={t('documents.choose')}
                accept=".csv,text/csv"
                value={sdn}
                required
                error={fieldErrors.sdnCsv}
                onChange={(file) => {
                  setSdn(file);
                  setPreview(null);
                }}
                miw={220}
              />
              <FileInput
                label={t('admin.altFile')}
                placeholder={t('documents.choose')}
                accept=".csv,text/csv"
                value={alt}
                clearable
                clearButtonProps={{ 'aria-label': t('documents.clear') }}
                error={fieldErrors.altCsv}
                onChange={(file) => {
                  setAlt(file);
                  setPreview(null);
                }}
                miw={220}
              />
            </Group>
            <ProblemAlert error={error} />
            <Group>
              <Button type="submit" loading={busy === 'preview'}>
                {t('admin.previewButton')}
              </Button>
            </Group>
          </Stack>
        </Section>
        {loaded ? (
          <Alert color="green" variant="light" title={t('admin.listLoaded')} role="status">
            <Text size="sm">
              {t('admin.listLoadedDetail', { count: loaded.entries, date: format.dateTime(loaded.loadedAt) })}
            </Text>
            <Code style={{ wordBreak: 'break-all' }}>{loaded.sha256}</Code>
          </Alert>
        ) : null}
        {preview ? (
          <Section title={t('admin.previewTitle')} id="preview">
            <Facts
              cols={2}
              items={[
                [
                  t('admin.activeList'),
                  preview.current
                    ? t('admin.listSummary', {
                        name: preview.current.name,
                        count: preview.current.entries,
                        date: format.date(preview.current.loadedAt),
                      })
                    : t('admin.noActiveList'),
                ],
                [
                  t('admin.proposedList'),
                  t('admin.proposedSummary', {
                    name: preview.proposed.name,
                    count: preview.proposed.entries,
                  }),
                ],
              ]}
            />
            <Text size="sm" fw={600}>
              {preview.identical
                ? t('admin.identical')
                : t('admin.counts', {
                    added: preview.counts.added,
                    removed: preview.counts.removed,
                    changed: preview.counts.changed,
                    unchanged: preview.counts.unchanged,
                  })}
            </Text>
            {preview.truncated ? <Text size="xs">{t('admin.truncated')}</Text> : null}
            <EntryTable entries={preview.added} caption={t('admin.addedCaption')} />
            <EntryTable entries={preview.removed} caption={t('admin.removedCaption')} />
            <EntryTable entries={preview.changed} caption={t('admin.changedCaption')} />
            <Text size="sm">{t('admin.loadHelp')}</Text>
            <Group>
              <Button onClick={() => void load()} loading={busy === 'load'}>
                {t('admin.loadButton')}
              </Button>
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Section>
        ) : null}
      </Stack>
    </>
  );
}

function EntryTable({ entries, caption }: { entries: Entry[]; caption: string }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <DataTable
      caption={caption}
      minWidth={480}
      rows={entries}
      rowKey={(entry) => String(entry.entNum)}
      columns={[
        { header: 'ent_num', cell: (entry) => entry.entNum },
        { header: t('admin.entryName'), cell: (entry) => entry.name },
        {
          header: t('admin.entryType'),
          cell: (entry) => t(`admin.entryTypes.${entry.type}`, { defaultValue: entry.type }),
        },
        { header: t('admin.entryPrograms'), cell: (entry) => entry.programs.join(', ') },
      ]}
    />
  );
}
