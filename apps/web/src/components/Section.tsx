import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';

/** A titled part of a page (an `h2`, so the page reads as an outline to a screen reader). */
export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id ? `${id}-title` : undefined}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
