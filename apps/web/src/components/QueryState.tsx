import type { ReactNode } from 'react';
import { Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';
import { ProblemAlert } from './ProblemAlert';

/**
 * What a block of a page shows for its query: a spinner while it loads, the problem in words if it failed,
 * `empty` when the answer holds nothing, else the children with the data.
 */
export function QueryState<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  empty?: ReactNode;
  isEmpty?(data: T): boolean;
  children(data: T): ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending || query.data === undefined)
    return <Loader size="sm" role="status" aria-label={t('common.loading')} />;
  const data = query.data;
  const nothing = isEmpty ? isEmpty(data) : Array.isArray(data) && data.length === 0;
  if (nothing && empty !== undefined)
    return typeof empty === 'string' ? <Text size="sm">{empty}</Text> : empty;
  return <>{children(data)}</>;
}

/**
 * A page built on one query: a spinner while it loads; the page's `title` and the problem in words if it
 * failed (a 404 for a record the reader may not see); else the page with the data.
 */
export function PageQuery<T>({
  query,
  title,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  title: string;
  children(data: T): ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error) {
    return (
      <>
        <PageHeader title={title} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  if (query.isPending || query.data === undefined)
    return <Loader role="status" aria-label={t('common.loading')} />;
  return <>{children(query.data)}</>;
}
