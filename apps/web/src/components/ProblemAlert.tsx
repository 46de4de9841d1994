import { Alert, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { fieldLabel, guardLabel } from '../lib/labels';

/**
 * An API error in words (console.md "Quality bars"): what went wrong, each field or unmet guard it names,
 * and for a version conflict a way to reload the latest version. The form around it keeps what was typed.
 */
export function ProblemAlert({
  error,
  onReload,
  title,
}: {
  error: unknown;
  onReload?: () => void;
  title?: string;
}) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : ApiProblem.network(error);
  const known = i18n.exists(`problem.${problem.code}`);
  const heading = title ?? (known ? t(`problem.${problem.code}`) : problem.title || t('problem.generic'));
  return (
    <Alert color={problem.status === 409 ? 'orange' : 'red'} title={heading} role="alert" variant="light">
      {title && known ? (
        <Text size="sm" fw={600}>
          {t(`problem.${problem.code}`)}
        </Text>
      ) : null}
      {problem.status === 0 ? (
        <Text size="sm">{t('problem.NETWORK')}</Text>
      ) : problem.status === 401 ? (
        <Text size="sm">{t('problem.sessionEnded')}</Text>
      ) : (
        problem.detail && <Text size="sm">{problem.detail}</Text>
      )}
      {problem.errors.length > 0 ? (
        <List size="sm" mt="xs">
          {problem.errors.map((item, index) => (
            <List.Item key={`${item.field ?? item.guard ?? ''}-${index}`}>
              {item.field ? <strong>{fieldLabel(t, item.field)}: </strong> : null}
              {item.guard ? <strong>{guardLabel(t, item.guard)}: </strong> : null}
              {item.message}
            </List.Item>
          ))}
        </List>
      ) : null}
      {problem.isVersionConflict && onReload ? (
        <>
          <Text size="sm" mt="xs">
            {t('problem.conflictHint')}
          </Text>
          <Button size="xs" mt="xs" variant="filled" onClick={onReload}>
            {t('problem.reload')}
          </Button>
        </>
      ) : null}
    </Alert>
  );
}
