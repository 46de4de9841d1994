import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Conditions precedent as a sponsor (or a partner) reads them: each text with satisfied or outstanding. */
export function ConditionsList({
  conditions,
}: {
  conditions: ReadonlyArray<{ id: string; text: string; satisfied: boolean }>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {conditions.map((condition) => (
        <Group key={condition.id} gap="xs" wrap="nowrap">
          <Badge color={condition.satisfied ? 'green' : 'gray'} variant="light">
            {condition.satisfied ? t('sponsor.satisfied') : t('sponsor.outstanding')}
          </Badge>
          <Text size="sm">{condition.text}</Text>
        </Group>
      ))}
    </Stack>
  );
}
