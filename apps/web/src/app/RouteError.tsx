import { Alert, Anchor, Container, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** A page that failed to load (a chunk of an older build, a bug): said in words, with a way back. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('errors.pageFailed')}</Title>
        <Alert color="red" title={t('errors.pageFailedHint')}>
          {detail}
        </Alert>
        <Anchor href="/">{t('common.backHome')}</Anchor>
      </Stack>
    </Container>
  );
}
