import type { ReactNode } from 'react';
import { Container, Group, Paper, Stack, Text } from '@mantine/core';
import { LanguagePicker } from './LanguagePicker';

/** The frame of the pages a signed-out visitor sees (sign-in, password reset): the name, the language, one card. */
export function SignedOutCard({ children }: { children: ReactNode }) {
  return (
    <Container size={440} py={48} component="main">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={700} c="forge.8" size="lg">
            FORGE Pipeline
          </Text>
          <LanguagePicker />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Stack>
    </Container>
  );
}
