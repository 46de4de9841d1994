import { lazy, Suspense } from 'react';
import { Badge, Button, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import { AFTER_CLOSE, ASSIGNABLE_STAGES, ESAP_STAGES } from '../../api/monitoring';
import { useApplication } from '../../api/queries';
import { useSession } from '../../api/session';
import { ReferenceStage } from '../../components/Codes';
import { AuditTimeline } from '../../components/AuditTimeline';
import { DocumentsPanel } from '../../components/DocumentsPanel';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCommand } from './application/command';
import { ChecksTab } from './application/ChecksTab';
import { CategoryTab } from './application/CategoryTab';
import { DISCLOSURE_TAB_HIDDEN, DisclosureTab } from './application/DisclosureTab';
import { FinancingTab } from './application/FinancingTab';
import { FourEyesTab } from './application/FourEyesTab';
import { RequestsTab } from './application/RequestsTab';
import { ScreeningTab } from './application/ScreeningTab';
import { SummaryTab } from './application/SummaryTab';
import { useSearchParamsUpdate } from '../../lib/search-params';

// The risk breakdown carries the charting library: its own chunk, loaded when the tab opens.
const RiskTab = lazy(() => import('./application/RiskTab'));
// After close: the post-financing tabs, their own chunk.
const MonitoringTab = lazy(() => import('../monitoring/OfficerMonitoringTab'));

const TABS = [
  'summary',
  'checks',
  'screening',
  'category',
  'risk',
  'financing',
  'requests',
  'documents',
  'fourEyes',
  'audit',
] as const;
/** The post-financing tabs (monitoring.md), shown from the stage where their records start. */
const MONITORING_TABS = ['esap', 'disbursements', 'monitoring', 'incidents', 'watchlist'] as const;

function tabsFor(stage: string): string[] {
  const extra = MONITORING_TABS.filter((name) =>
    name === 'esap' ? ESAP_STAGES.includes(stage) : AFTER_CLOSE.includes(stage),
  );
  // Disclosure before the decision (portfolio.md): from E&S review on, beside the financing structure.
  const disclosure = DISCLOSURE_TAB_HIDDEN.includes(stage) ? [] : ['disclosure'];
  return [...TABS.slice(0, 6), ...disclosure, ...extra, ...TABS.slice(6)];
}

/**
 * The officer's application page (console.md): summary and stage moves, checks, screening parties,
 * categorisation, risk assessment, financing structure, the disclosure package (portfolio.md), information
 * requests, documents, four-eyes items and the audit timeline, one tab each (the tab is kept in the address).
 */
export default function OfficerApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, updateParams] = useSearchParamsUpdate();
  const application = useApplication(id, { live: true });
  const assign = useCommand(id);

  if (application.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (application.error) {
    return (
      <>
        <PageHeader title={t('officer.applicationTitle')} />
        <ProblemAlert error={application.error} />
      </>
    );
  }
  const view = application.data;
  const tabs = tabsFor(view.stage);
  const tab = tabs.includes(params.get('tab') ?? '') ? (params.get('tab') as string) : 'summary';
  const mine = view.assigneeId === user?.id;
  const pending = view.pendingApprovals.length;
  const openRequests = view.informationRequests.filter((request) => request.status === 'open').length;
  return (
    <>
      <PageHeader
        title={view.title ?? view.reference}
        subtitle={
          <ReferenceStage reference={view.reference} stage={view.stage}>
            {view.category ? (
              <Badge variant="light" color="gray">
                {t('officer.categoryShort', { category: view.category })}
              </Badge>
            ) : null}
            <Text span size="sm">
              {view.assigneeId
                ? mine
                  ? t('officer.assignedToMe')
                  : t('officer.assignedToOther')
                : t('officer.unassigned')}
            </Text>
          </ReferenceStage>
        }
        actions={
          !mine && ASSIGNABLE_STAGES.includes(view.stage) ? (
            <Button
              variant="light"
              loading={assign.busy}
              onClick={() =>
                void assign.run(() =>
                  call(
                    api.POST('/api/v1/applications/{id}/assign', {
                      params: { path: { id }, header: { 'if-match': String(view.version) } },
                      body: { assigneeId: user?.id as string, expectedVersion: view.version },
                    }),
                  ),
                )
              }
            >
              {t('officer.assignToMe')}
            </Button>
          ) : null
        }
      />
      <Stack gap="sm">
        <ProblemAlert error={assign.error} onReload={assign.reload} />
        <Tabs
          value={tab}
          onChange={(next) => updateParams((copy) => copy.set('tab', next ?? 'summary'))}
          keepMounted={false}
        >
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            {tabs.map((name) => (
              <Tabs.Tab
                key={name}
                value={name}
                rightSection={
                  name === 'fourEyes' && pending > 0 ? (
                    <Badge
                      size="xs"
                      circle
                      color="orange"
                      aria-label={t('officer.pendingCount', { count: pending })}
                    >
                      {pending}
                    </Badge>
                  ) : name === 'requests' && openRequests > 0 ? (
                    <Badge
                      size="xs"
                      circle
                      color="orange"
                      aria-label={t('officer.openCount', { count: openRequests })}
                    >
                      {openRequests}
                    </Badge>
                  ) : null
                }
              >
                {t(`officer.tabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="summary" pt="md">
            <SummaryTab view={view} />
          </Tabs.Panel>
          <Tabs.Panel value="checks" pt="md">
            <ChecksTab view={view} />
          </Tabs.Panel>
          <Tabs.Panel value="screening" pt="md">
            <ScreeningTab view={view} />
          </Tabs.Panel>
          <Tabs.Panel value="category" pt="md">
            <CategoryTab view={view} />
          </Tabs.Panel>
          <Tabs.Panel value="risk" pt="md">
            <Suspense fallback={<Loader role="status" aria-label={t('common.loading')} />}>
              <RiskTab view={view} canAct />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="financing" pt="md">
            <FinancingTab view={view} />
          </Tabs.Panel>
          {tabs.includes('disclosure') ? (
            <Tabs.Panel value="disclosure" pt="md">
              <DisclosureTab view={view} />
            </Tabs.Panel>
          ) : null}
          <Tabs.Panel value="requests" pt="md">
            <RequestsTab view={view} />
          </Tabs.Panel>
          <Tabs.Panel value="documents" pt="md">
            <DocumentsPanel
              applicationId={view.id}
              documents={view.documents}
              canUpload={!['financed', 'rejected', 'withdrawn'].includes(view.stage)}
              onUploaded={() => assign.reload()}
            />
          </Tabs.Panel>
          <Tabs.Panel value="fourEyes" pt="md">
            <FourEyesTab view={view} />
          </Tabs.Panel>
          {MONITORING_TABS.filter((name) => tabs.includes(name)).map((name) => (
            <Tabs.Panel key={name} value={name} pt="md">
              <Suspense fallback={<Loader role="status" aria-label={t('common.loading')} />}>
                <MonitoringTab view={view} tab={name} />
              </Suspense>
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="audit" pt="md">
            <AuditTimeline applicationId={view.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
