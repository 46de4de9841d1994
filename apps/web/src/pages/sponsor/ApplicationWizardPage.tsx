import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { keys, useCountries, useSponsorApplication } from '../../api/queries';
import type { SponsorApplicationView, SponsorDocumentView } from '../../api/types';
import { DocumentsPanel } from '../../components/DocumentsPanel';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldLabel } from '../../lib/labels';
import { FieldInput } from './form/FieldInput';
import {
  checkForm,
  FIELDS,
  fromInput,
  OWNERS_STEP,
  STEPS,
  stepOf,
  toPatch,
  type FieldValue,
  type FormValues,
  type OwnerDraft,
  type Problem,
} from './form/fields';
import { OwnersEditor } from './form/OwnersEditor';

const EMPTY = fromInput({});

/**
 * The sponsor's guided application form (console.md, sponsor journey): six steps, each saved as a partial
 * draft (create, then JSON merge patches naming the version read); errors inline in the sponsor's language,
 * the API's own field errors beside them; documents once the draft exists; a review that lists what is
 * still missing, then submission.
 */
export default function ApplicationWizardPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const application = useSponsorApplication(id);
  const countries = useCountries();

  if (id && application.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (id && application.error) {
    return (
      <>
        <PageHeader title={t('wizard.title')} />
        <ProblemAlert error={application.error} />
      </>
    );
  }
  if (application.data && application.data.stage !== 'draft') {
    return (
      <>
        <PageHeader title={application.data.reference} />
        <Alert color="blue" title={t('wizard.notDraft')}>
          <Anchor component={Link} to={`/sponsor/applications/${application.data.id}`}>
            {t('wizard.seeStatus')}
          </Anchor>
        </Alert>
      </>
    );
  }
  return (
    <Wizard
      key={application.data?.id ?? 'new'}
      application={application.data}
      countries={(countries.data?.countries ?? []).map((country) => country.code)}
    />
  );
}

function Wizard({ application, countries }: { application?: SponsorApplicationView; countries: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const initial = useMemo(() => (application ? fromInput(application) : EMPTY), [application]);
  const [values, setValues] = useState<FormValues>(initial.values);
  const [owners, setOwners] = useState<OwnerDraft[]>(initial.owners);
  const [saved, setSaved] = useState<{ values: FormValues; owners: OwnerDraft[] } | undefined>(
    application ? initial : undefined,
  );
  const [version, setVersion] = useState(application?.version ?? 0);
  const [documents, setDocuments] = useState<SponsorDocumentView[]>(application?.documents ?? []);
  const [shownProblems, setShownProblems] = useState<Record<string, Problem>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), STEPS.length - 1);
  const applicationId = application?.id;

  const patch = useMemo(() => toPatch(values, owners, saved), [values, owners, saved]);
  const unsaved = Object.keys(patch).length > 0;

  // Leaving the page with unsaved changes asks first (nothing typed is lost by accident).
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const messages = (problems: Record<string, Problem>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(problems).map(([path, problem]) => [path, t(problem.key, problem.params)]),
    );
  const errors = { ...serverErrors, ...messages(shownProblems) };

  const setValue = (path: string, value: FieldValue) => {
    setValues((current) => ({ ...current, [path]: value }));
    setShownProblems(({ [path]: _cleared, ...rest }) => rest);
    setServerErrors(({ [path]: _cleared, ...rest }) => rest);
  };

  function acceptServer(view: SponsorApplicationView) {
    setVersion(view.version);
    setSaved(fromInput(view));
    setDocuments(view.documents);
    setSavedAt(new Date());
    queryClient.setQueryData(keys.application(view.id), view);
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
  }

  /** Saves what is valid; returns false (and shows why) when a value of this step is not valid. */
  async function save(stepToCheck: number | null): Promise<SponsorApplicationView | undefined | false> {
    const invalid = checkForm(values, owners, false);
    const inStep = Object.fromEntries(
      Object.entries(invalid).filter(([path]) => stepToCheck === null || stepOf(path) === stepToCheck),
    );
    setShownProblems(inStep);
    setError(null);
    if (Object.keys(inStep).length > 0) return false;
    if (!unsaved && applicationId) return undefined;
    setBusy(true);
    try {
      const view = applicationId
        ? await call(
            api.PATCH('/api/v1/applications/{id}', {
              params: { path: { id: applicationId }, header: { 'if-match': String(version) } },
              body: { ...patch, expectedVersion: version } as never,
            }),
          )
        : await call(
            api.POST('/api/v1/applications', {
              params: { header: { 'Idempotency-Key': idempotencyKey.current } } as never,
              body: patch as never,
            }),
          );
      acceptServer(view);
      setServerErrors({});
      if (!applicationId) {
        navigate(`/sponsor/applications/${view.id}/edit?step=${stepToCheck ?? step}`, { replace: true });
      }
      return view;
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiProblem) setServerErrors(caught.fieldErrors());
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function goTo(next: number) {
    const result = await save(step < OWNERS_STEP + 1 ? step : null);
    if (result === false) return;
    const target = result && !applicationId ? `/sponsor/applications/${result.id}/edit?step=${next}` : null;
    if (target) navigate(target, { replace: true });
    else setParams({ step: String(next) }, { replace: true });
  }

  /** An upload is a change of the application (its version moves on): take the new version and documents. */
  async function refreshAfterUpload() {
    if (!applicationId) return;
    const latest = await call(
      api.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } }),
    );
    setVersion(latest.version);
    setDocuments(latest.documents);
    queryClient.setQueryData(keys.application(latest.id), latest);
  }

  /** A version conflict: take the latest version and keep every change typed here on top of it. */
  async function reloadLatest() {
    if (!applicationId) return;
    const latest = await call(
      api.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } }),
    );
    const server = fromInput(latest);
    const mine = saved ?? EMPTY;
    setValues(
      Object.fromEntries(
        FIELDS.map((field) => [
          field.path,
          values[field.path] !== mine.values[field.path] ? values[field.path] : server.values[field.path],
        ]),
      ),
    );
    setVersion(latest.version);
    setSaved(server);
    setDocuments(latest.documents);
    setError(null);
  }

  async function submit() {
    const missing = checkForm(values, owners, true);
    if (Object.keys(missing).length > 0) {
      setShownProblems(missing);
      return;
    }
    const savedView = await save(null);
    if (savedView === false || !applicationId) return;
    setBusy(true);
    try {
      const view = await call(
        api.POST('/api/v1/applications/{id}/submit', {
          params: {
            path: { id: applicationId },
            header: { 'if-match': String(savedView?.version ?? version) },
          },
          body: { expectedVersion: savedView?.version ?? version },
        }),
      );
      queryClient.setQueryData(keys.application(view.id), view);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      navigate(`/sponsor/applications/${view.id}?submitted=1`);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiProblem) setServerErrors(caught.fieldErrors());
    } finally {
      setBusy(false);
    }
  }

  const stepFields = FIELDS.filter((field) => field.step === step);
  const missingAtSubmit = checkForm(values, owners, true);
  const stepTitle = (index: number) => t(`wizard.steps.${STEPS[index]}`);

  return (
    <>
      <PageHeader
        title={application ? t('wizard.editTitle', { reference: application.reference }) : t('wizard.title')}
        subtitle={t('wizard.subtitle')}
      />
      <Text size="sm" hiddenFrom="sm" mb="sm" fw={600}>
        {t('wizard.stepOf', { step: step + 1, count: STEPS.length, title: stepTitle(step) })}
      </Text>
      <Stepper
        active={step}
        onStepClick={(index) => void goTo(index)}
        allowNextStepsSelect
        size="sm"
        mb="lg"
        visibleFrom="sm"
        aria-label={t('wizard.stepsLabel')}
      >
        {STEPS.map((name, index) => (
          <Stepper.Step key={name} label={stepTitle(index)} />
        ))}
      </Stepper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Title order={2} size="h3">
            {stepTitle(step)}
          </Title>
          {STEPS[step] === 'documents' ? (
            applicationId ? (
              <DocumentsPanel
                applicationId={applicationId}
                documents={documents}
                onUploaded={() => void refreshAfterUpload()}
              />
            ) : (
              <Text size="sm">{t('wizard.saveFirst')}</Text>
            )
          ) : STEPS[step] === 'review' ? (
            <Review
              missing={missingAtSubmit}
              onEdit={(index) => void goTo(index)}
              documents={documents.length}
            />
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {stepFields.map((field) => (
                  <div
                    key={field.path}
                    style={
                      field.kind.type === 'text' && field.kind.multiline
                        ? { gridColumn: '1 / -1' }
                        : undefined
                    }
                  >
                    <FieldInput
                      field={field}
                      value={values[field.path] ?? null}
                      error={errors[field.path]}
                      countries={countries}
                      onChange={(value) => setValue(field.path, value)}
                    />
                  </div>
                ))}
              </SimpleGrid>
              {step === OWNERS_STEP ? (
                <OwnersEditor
                  owners={owners}
                  onChange={(next) => {
                    setOwners(next);
                    setShownProblems((current) =>
                      Object.fromEntries(
                        Object.entries(current).filter(
                          ([path]) => !path.startsWith('governance.beneficialOwners'),
                        ),
                      ),
                    );
                  }}
                  errors={errors}
                  countries={countries}
                />
              ) : null}
            </>
          )}

          <ProblemAlert error={error} onReload={() => void reloadLatest()} />
          {Object.keys(shownProblems).length > 0 ? (
            <Alert color="red" role="alert" title={t('wizard.fixFields')}>
              <List size="sm">
                {Object.keys(shownProblems).map((path) => (
                  <List.Item key={path}>
                    {fieldLabel(t, path)}: {errors[path]}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}

          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              {step > 0 ? (
                <Button variant="default" onClick={() => void goTo(step - 1)} disabled={busy}>
                  {t('wizard.back')}
                </Button>
              ) : null}
              <Button
                variant="light"
                onClick={() => void save(step <= OWNERS_STEP ? step : null)}
                loading={busy}
              >
                {t('wizard.saveDraft')}
              </Button>
            </Group>
            {STEPS[step] === 'review' ? (
              <Button onClick={() => void submit()} loading={busy} disabled={!applicationId}>
                {t('wizard.submit')}
              </Button>
            ) : (
              <Button onClick={() => void goTo(step + 1)} loading={busy}>
                {t('wizard.next')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dark.5" role="status">
            {unsaved
              ? t('wizard.unsaved')
              : savedAt
                ? t('wizard.savedAt', { time: savedAt.toLocaleTimeString() })
                : ''}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}

function Review({
  missing,
  onEdit,
  documents,
}: {
  missing: Record<string, Problem>;
  onEdit(step: number): void;
  documents: number;
}) {
  const { t } = useTranslation();
  const byStep = new Map<number, string[]>();
  for (const path of Object.keys(missing))
    byStep.set(stepOf(path), [...(byStep.get(stepOf(path)) ?? []), path]);
  if (byStep.size === 0) {
    return (
      <Stack gap="xs">
        <Text>{t('wizard.readyToSubmit')}</Text>
        <Text size="sm" c="dark.5">
          {t('wizard.documentsCount', { count: documents })}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text>{t('wizard.stillMissing')}</Text>
      {[...byStep.entries()]
        .sort(([a], [b]) => a - b)
        .map(([stepIndex, paths]) => (
          <Stack key={stepIndex} gap={4}>
            <Group gap="xs">
              <Text fw={600}>{t(`wizard.steps.${STEPS[stepIndex]}`)}</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onEdit(stepIndex)}>
                {t('wizard.editStep', { step: t(`wizard.steps.${STEPS[stepIndex]}`) })}
              </Button>
            </Group>
            <List size="sm">
              {paths.map((path) => (
                <List.Item key={path}>
                  {fieldLabel(t, path)}: {t(missing[path].key, missing[path].params)}
                </List.Item>
              ))}
            </List>
          </Stack>
        ))}
    </Stack>
  );
}
