import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  NativeSelect,
  FileInput,
  Stack,
  Text,
  Textarea,
  Timeline,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { ESAP_STAGES } from '../../api/monitoring';
import { keys, useSponsorApplication } from '../../api/queries';
import type { SponsorApplicationView as ApplicationView, SponsorTimelineEntry } from '../../api/types';
import { ReferenceStage } from '../../components/Codes';
import { ConditionsList } from '../../components/ConditionsList';
import { DocumentsPanel, uploadDocument } from '../../components/DocumentsPanel';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { Standing } from '../../components/StageProgress';
import { DOCUMENT_KINDS, type DocumentKind } from '../../lib/enums';
import { useFormat } from '../../lib/format';
import { documentKindLabel, stageLabel } from '../../lib/labels';

const WITHDRAWABLE = ['draft', 'submitted', 'screening', 'esg_review', 'financing', 'committee'];
/** No more uploads on the page itself (after close, ESAP evidence and reports are uploaded where they belong). */
const TERMINAL = ['rejected', 'withdrawn', 'repaid', 'written_off'];

// The post-financing sections carry their own forms: a chunk loaded when the project reaches them.
const SponsorMonitoring = lazy(() => import('../monitoring/SponsorMonitoring'));

/**
 * The sponsor's view of one application (pipeline.md "What a sponsor sees"): where it stands, what the
 * fund asks (answered here, with a document), its documents, the committee's decision and conditions,
 * and withdrawal. Nothing of the fund's internal deliberation is shown.
 */
export default function SponsorApplicationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const application = useSponsorApplication(id, { live: true });
  const queryClient = useQueryClient();
  const refresh = (view?: ApplicationView) => {
    if (view) queryClient.setQueryData(keys.application(view.id), view);
    void queryClient.invalidateQueries({ queryKey: keys.application(id ?? '') });
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
  };

  if (application.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (application.error || !application.data) {
    return (
      <>
        <PageHeader title={t('sponsor.applicationTitle')} />
        <ProblemAlert error={application.error} />
      </>
    );
  }
  const view = application.data;
  const open = view.informationRequests.filter((request) => request.status === 'open');
  return (
    <>
      <PageHeader
        title={view.title ?? view.reference}
        subtitle={<ReferenceStage reference={view.reference} stage={view.stage} />}
        actions={
          <>
            {view.stage === 'draft' ? (
              <Button component={Link} to={`/sponsor/applications/${view.id}/edit`}>
                {t('sponsor.continueEditing')}
              </Button>
            ) : null}
            {WITHDRAWABLE.includes(view.stage) ? <WithdrawButton view={view} onDone={refresh} /> : null}
          </>
        }
      />
      <Stack gap="md">
        {params.get('submitted') ? (
          <Alert color="green" title={t('sponsor.submittedTitle')} role="status">
            {t('sponsor.submittedText')}
          </Alert>
        ) : null}
        <Section title={t('sponsor.askedTitle')} id="asked">
          {open.length === 0 ? (
            <Text size="sm">{t('sponsor.nothingAsked')}</Text>
          ) : (
            open.map((request) => (
              <AnswerForm key={request.id} applicationId={view.id} request={request} onDone={refresh} />
            ))
          )}
        </Section>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Section title={t('sponsor.standsTitle')} id="stands">
              <Standing stage={view.stage} committeeDecision={view.committeeDecision} />
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Section title={t('sponsor.timelineTitle')} id="timeline">
              <SponsorTimeline entries={view.timeline} />
            </Section>
          </Grid.Col>
        </Grid>
        {view.conditionsPrecedent.length > 0 ? (
          <Section title={t('sponsor.conditionsTitle')} id="conditions">
            <ConditionsList conditions={view.conditionsPrecedent} />
          </Section>
        ) : null}
        {ESAP_STAGES.includes(view.stage) ? (
          <Suspense fallback={<Loader size="sm" role="status" aria-label={t('common.loading')} />}>
            <SponsorMonitoring view={view} />
          </Suspense>
        ) : null}
        <Section title={t('documents.title')} id="documents">
          <DocumentsPanel
            applicationId={view.id}
            documents={view.documents}
            canUpload={!TERMINAL.includes(view.stage)}
            onUploaded={() => refresh()}
          />
        </Section>
        {view.informationRequests.some((request) => request.status !== 'open') ? (
          <Section title={t('sponsor.answeredTitle')} id="answered">
            {view.informationRequests
              .filter((request) => request.status !== 'open')
              .map((request) => (
                <Stack key={request.id} gap={2}>
                  <Text size="sm" fw={600}>
                    {request.question}
                  </Text>
                  <Text size="sm">{request.answer}</Text>
                </Stack>
              ))}
          </Section>
        ) : null}
      </Stack>
    </>
  );
}

function AnswerForm({
  applicationId,
  request,
  onDone,
}: {
  applicationId: string;
  request: ApplicationView['informationRequests'][number];
  onDone(view?: ApplicationView): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [answer, setAnswer] = useState('');
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [uploadedId, setUploadedId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  async function send() {
    if (answer.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The file first (kept if the answer then fails, so a retry does not upload it twice).
      let documentId = uploadedId;
      if (file && kind && !documentId) {
        documentId = (await uploadDocument(applicationId, kind, file)).id;
        setUploadedId(documentId);
      }
      const view = await call(
        api.POST('/api/v1/applications/{id}/information-requests/{rid}/answer', {
          params: { path: { id: applicationId, rid: request.id } },
          body: { answer: answer.trim(), ...(documentId ? { documentIds: [documentId] } : {}) },
        }),
      );
      onDone(view);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-orange-4)', borderRadius: 8 }}>
      <Text size="sm" c="dark.5">
        {t('sponsor.askedOn', {
          date: format.dateTime(request.askedAt),
          stage: stageLabel(t, request.stage),
        })}
      </Text>
      <Text fw={600}>{request.question}</Text>
      <Textarea
        label={t('sponsor.yourAnswer')}
        value={answer}
        autosize
        minRows={3}
        error={missing ? t('validation.required') : undefined}
        onChange={(event) => {
          setAnswer(event.currentTarget.value);
          setMissing(false);
        }}
      />
      <Group grow align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('sponsor.attachKind')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as DocumentKind)}
          data={[
            { value: '', label: t('form.choose') },
            ...DOCUMENT_KINDS.map((value) => ({ value, label: documentKindLabel(t, value) })),
          ]}
          disabled={Boolean(uploadedId)}
          miw={180}
        />
        <FileInput
          label={t('sponsor.attachFile')}
          placeholder={t('documents.choose')}
          value={file}
          onChange={(next) => {
            setFile(next);
            setUploadedId(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('documents.clear') }}
          miw={180}
        />
      </Group>
      {uploadedId ? (
        <Text size="xs" c="teal.9">
          {t('sponsor.fileKept')}
        </Text>
      ) : null}
      <ProblemAlert error={error} />
      <Group>
        <Button onClick={() => void send()} loading={busy} disabled={Boolean(file) && !kind}>
          {t('sponsor.sendAnswer')}
        </Button>
      </Group>
    </Stack>
  );
}

function WithdrawButton({ view, onDone }: { view: ApplicationView; onDone(view?: ApplicationView): void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  async function withdraw() {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await call(
        api.POST('/api/v1/applications/{id}/withdraw', {
          params: { path: { id: view.id }, header: { 'if-match': String(view.version) } },
          body: { reason: reason.trim(), expectedVersion: view.version },
        }),
      );
      setOpened(false);
      onDone(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        {t('sponsor.withdraw')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('sponsor.withdrawTitle', { reference: view.reference })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t('sponsor.withdrawText')}</Text>
          <Textarea
            label={t('sponsor.withdrawReason')}
            value={reason}
            autosize
            minRows={3}
            error={missing ? t('validation.required') : undefined}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            data-autofocus
          />
          <ProblemAlert error={error} onReload={() => onDone()} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.8" onClick={() => void withdraw()} loading={busy}>
              {t('sponsor.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * The sponsor's timeline as the API serves it in the sponsor view (its own actions and the stage moves, with
 * only the texts addressed to it): the console never reads the audit trail for a sponsor (pipeline.md).
 */
function SponsorTimeline({ entries }: { entries: SponsorTimelineEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={entries.length - 1}>
      {entries.map((entry, index) => (
        <Timeline.Item key={`${entry.at}-${index}`} title={describe(t, entry)}>
          <Text size="xs" c="dark.5">
            {format.dateTime(entry.at)}
          </Text>
          {entry.message ? (
            <Text size="sm" mt={2}>
              {entry.message}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function describe(t: ReturnType<typeof useTranslation>['t'], entry: SponsorTimelineEntry): string {
  switch (entry.kind) {
    case 'stage_changed':
      return t('events.stage_changed', { stage: stageLabel(t, entry.stage ?? '') });
    case 'committee_decision':
      return t('events.committee_decided', { decision: t(`decision.${entry.decision ?? ''}`) });
    case 'created':
      return t('events.application_created');
    case 'updated':
      return t('events.application_updated');
    case 'submitted':
      return t('events.application_submitted');
    case 'information_requested':
      return t('events.information_request_opened');
    case 'information_provided':
      return t('events.information_request_answered');
    case 'document_added':
      return t('events.document_added_plain');
    case 'rejected':
      return t('events.application_rejected');
    case 'withdrawn':
      return t('events.application_withdrawn');
  }
}
