import { Code, Text } from '@mantine/core';

/** A check's or event's structured detail, as short `key: value` lines (no raw JSON blob). */
export function Detail({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return <Text size="xs">{String(value)}</Text>;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <Text size="xs" component="div">
      {entries.map(([key, item]) => (
        <div key={key}>
          <Code>{key}</Code> {typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item)}
        </div>
      ))}
    </Text>
  );
}
