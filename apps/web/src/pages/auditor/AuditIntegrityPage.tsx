import { Alert, Anchor, Badge, Code, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { isProblem } from '../../api/problem';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { SIGNING_KEY_FILE, SigningKeyLink, useSigningKey } from '../../components/SigningKeyLink';
import { useFormat } from '../../lib/format';

/**
 * The auditor's start page (console.md): the chain's verification status as the API recomputes it, the
 * latest signed checkpoint and the series behind it, the signing key, and how to check all of it offline
 * (export the trail, run the verifier). Read-only: nothing here changes anything.
 */
export default function AuditIntegrityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const verification = useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => call(api.GET('/api/v1/audit/verify')),
  });
  const checkpoint = useQuery({
    queryKey: ['audit', 'checkpoint', 'latest'],
    retry: false,
    queryFn: () => call(api.GET('/api/v1/audit/checkpoints/latest')),
  });
  const key = useSigningKey();
  const noCheckpoint = isProblem(checkpoint.error) && checkpoint.error.status === 404;
  const v = verification.data;
  return (
    <>
      <PageHeader title={t('auditor.integrityTitle')} subtitle={t('auditor.readOnly')} />
      <Stack gap="md">
        <Section title={t('auditor.verification')} id="verification">
          <ProblemAlert error={verification.error} />
          {verification.isPending ? (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          ) : v ? (
            <>
              <Group gap="sm">
                <Badge size="lg" variant="light" color={v.valid ? 'green' : 'red'}>
                  {v.valid ? t('auditor.chainValid') : t('auditor.chainInvalid')}
                </Badge>
                <Text size="sm">{t('auditor.chainLength', { count: v.length })}</Text>
              </Group>
              <Facts
                items={[
                  [
                    t('auditor.headHash'),
                    v.headHash ? <Code style={{ wordBreak: 'break-all' }}>{v.headHash}</Code> : '—',
                  ],
                  [t('auditor.firstInvalidSeq'), v.firstInvalidSeq ?? '—'],
                  [
                    t('auditor.checkpointRoot'),
                    v.checkpointRootMatched === null
                      ? t('auditor.noCheckpointYet')
                      : v.checkpointRootMatched
                        ? t('auditor.rootMatches', { size: v.checkpointTreeSize })
                        : t('auditor.rootMismatch', { size: v.checkpointTreeSize }),
                  ],
                  [t('auditor.checkpointsInDb'), v.checkpoints.count],
                  [t('auditor.rootsChecked'), v.checkpoints.rootsChecked],
                  [
                    t('auditor.checkpointLog'),
                    v.checkpointLog.configured
                      ? t('auditor.checkpointLogCount', { count: v.checkpointLog.count })
                      : t('auditor.checkpointLogNone'),
                  ],
                ]}
              />
              {v.reason ? <Text size="sm">{v.reason}</Text> : null}
              {v.alarms.length > 0 ? (
                <Alert color="red" variant="light" title={t('auditor.alarms')}>
                  <List size="sm">
                    {v.alarms.map((alarm) => (
                      <List.Item key={alarm.code}>
                        <Code>{alarm.code}</Code> {alarm.message}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              ) : (
                <Text size="sm">{t('auditor.noAlarms')}</Text>
              )}
            </>
          ) : null}
        </Section>
        <Section title={t('auditor.checkpoint')} id="checkpoint">
          {noCheckpoint ? (
            <Text size="sm">{t('auditor.noCheckpointYet')}</Text>
          ) : (
            <ProblemAlert error={checkpoint.error} />
          )}
          {checkpoint.data ? (
            <Facts
              cols={2}
              items={[
                [t('auditor.treeSize'), checkpoint.data.treeSize],
                [t('auditor.signedAt'), format.dateTime(checkpoint.data.timestamp)],
                [
                  t('auditor.rootHash'),
                  <Code key="r" style={{ wordBreak: 'break-all' }}>
                    {checkpoint.data.rootHash}
                  </Code>,
                ],
                [
                  t('auditor.signature'),
                  <Code key="s" style={{ wordBreak: 'break-all' }}>
                    {checkpoint.data.signature}
                  </Code>,
                ],
              ]}
            />
          ) : null}
          {key.data ? (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('auditor.publicKey', { algorithm: key.data.algorithm })}
              </Text>
              <Code block>{key.data.publicKeyPem}</Code>
            </Stack>
          ) : null}
        </Section>
        <Section title={t('auditor.offline')} id="offline">
          <Text size="sm">{t('auditor.offlineHelp')}</Text>
          <Group gap="md">
            <Anchor href="/api/v1/audit/export?format=jsonl" download="audit-export.jsonl">
              {t('auditor.exportJsonl')}
            </Anchor>
            <Anchor href="/api/v1/audit/export?format=csv" download="audit-export.csv">
              {t('auditor.exportCsv')}
            </Anchor>
            <SigningKeyLink />
          </Group>
          <Code block>{`npm run audit:verify -- audit-export.jsonl --public-key ${SIGNING_KEY_FILE}`}</Code>
          <Text size="sm">{t('auditor.bundleAlone')}</Text>
          <Code
            block
          >{`npm run audit:verify -- --bundle proof-bundle-FORGE-….json --public-key ${SIGNING_KEY_FILE}`}</Code>
        </Section>
      </Stack>
    </>
  );
}
