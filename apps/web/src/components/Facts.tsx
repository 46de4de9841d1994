import type { ReactNode } from 'react';
import { SimpleGrid, Text } from '@mantine/core';

/** Label–value pairs as a description list (read in order by screen readers). */
export function Facts({ items, cols = 3 }: { items: Array<[string, ReactNode]>; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: cols }} spacing="sm" verticalSpacing="xs" m={0}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} fw={500}>
            {value ?? '—'}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
