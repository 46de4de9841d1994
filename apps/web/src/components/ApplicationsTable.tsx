import type { ReactNode } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SponsorApplicationSummary } from '../api/types';
import { useCountryName, useFormat } from '../lib/format';
import { enumLabel } from '../lib/labels';
import { StageBadge } from './Codes';
import { ScrollTable } from './ScrollTable';

/**
 * Applications as a table whose rows show their FORGE-YYYY-NNNNNN reference (console.md). Rows are staff or
 * sponsor summaries: only the fields both carry are shown.
 */
export function ApplicationsTable<T extends SponsorApplicationSummary>({
  items,
  caption,
  linkTo,
  extra,
  empty,
}: {
  items: T[];
  caption: string;
  linkTo(item: T): string;
  extra?: { header: string; cell(item: T): ReactNode };
  empty?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dark.5" py="sm">
        {empty ?? t('applications.none')}
      </Text>
    );
  }
  return (
    <ScrollTable minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('applications.reference')}</Table.Th>
            <Table.Th scope="col">{t('applications.titleColumn')}</Table.Th>
            <Table.Th scope="col">{t('applications.country')}</Table.Th>
            <Table.Th scope="col">{t('applications.mineral')}</Table.Th>
            <Table.Th scope="col">{t('applications.stage')}</Table.Th>
            {extra ? <Table.Th scope="col">{extra.header}</Table.Th> : null}
            <Table.Th scope="col">{t('applications.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={linkTo(item)} ff="monospace" fw={600}>
                  {item.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{item.title ?? t('applications.untitled')}</Table.Td>
              <Table.Td>{item.country ? countryName(item.country) : '—'}</Table.Td>
              <Table.Td>{item.mineral ? enumLabel(t, 'mineral', item.mineral) : '—'}</Table.Td>
              <Table.Td>
                <StageBadge stage={item.stage} />
              </Table.Td>
              {extra ? <Table.Td>{extra.cell(item)}</Table.Td> : null}
              <Table.Td>{format.date(item.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
