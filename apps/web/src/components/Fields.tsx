import { useState } from 'react';
import { Button, NativeSelect, TextInput, type MantineSize, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { parseNumber } from '../lib/numbers';

/**
 * A native select over a fixed list of codes, each shown with its translated label (`labelOf(code)`); the
 * value stays the code. Native, so a screen reader and a phone get the platform's own picker.
 */
export function CodeSelect<T extends string>({
  label,
  value,
  codes,
  labelOf,
  onChange,
  size,
  error,
}: {
  label: string;
  value: NoInfer<T>;
  codes: readonly T[];
  labelOf(code: NoInfer<T>): string;
  onChange(code: NoInfer<T>): void;
  size?: MantineSize;
  error?: string;
}) {
  return (
    <NativeSelect
      size={size}
      label={label}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value as T)}
      data={codes.map((code) => ({ value: code, label: labelOf(code) }))}
    />
  );
}

/**
 * A text a command needs (a note, a reason): its value, its input's props with "Required" when the user
 * tried without one, and `take()`, which gives the trimmed text or flags the field and gives `undefined`.
 */
export function useRequiredText() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    value,
    clear: () => setValue(''),
    take(): string | undefined {
      const text = value.trim();
      if (text === '') setMissing(true);
      return text === '' ? undefined : text;
    },
    input: {
      value,
      error: missing ? t('validation.required') : undefined,
      onChange: (event: { currentTarget: { value: string } }) => {
        setValue(event.currentTarget.value);
        setMissing(false);
      },
    },
  };
}

/** An amount in whole US dollars, typed as digits, with what it reads as for the locale below it (US$ 45,000,000). */
export function UsdInput({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'description' | 'inputMode'> & {
  value: string;
  onChange(value: string): void;
}) {
  const format = useFormat();
  const amount = parseNumber(value);
  return (
    <TextInput
      {...props}
      value={value}
      inputMode="numeric"
      description={amount !== undefined ? format.usd(amount) : undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** Removes one row of a list the user edits (a mitigant, a tranche, a covenant, a co-financing line). */
export function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Button size="xs" variant="subtle" color="red" onClick={onClick}>
      {label}
    </Button>
  );
}
