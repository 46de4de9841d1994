import { Group, NativeSelect, Radio, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat, useCountryName } from '../../../lib/format';
import { enumLabel } from '../../../lib/labels';
import { parseNumber, type FieldSpec, type FieldValue } from './fields';

/** One field of the guided form: its label and help in the sponsor's language, its error inline. */
export function FieldInput({
  field,
  value,
  error,
  countries,
  onChange,
}: {
  field: FieldSpec;
  value: FieldValue;
  error?: string;
  countries: string[];
  onChange(value: FieldValue): void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const key = field.path.replace(/\./g, '_');
  const label = t(`field.${key}`);
  const help = i18n.exists(`fieldHelp.${key}`) ? t(`fieldHelp.${key}`) : undefined;
  const id = `field-${key}`;
  const kind = field.kind;
  const text = typeof value === 'string' ? value : '';

  switch (kind.type) {
    case 'select':
    case 'country': {
      const options =
        kind.type === 'select'
          ? kind.options.map((option) => ({ value: option, label: enumLabel(t, kind.group, option) }))
          : countries
              .map((code) => ({ value: code, label: countryName(code) }))
              .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
      return (
        <NativeSelect
          id={id}
          label={label}
          description={help}
          error={error}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[{ value: '', label: t('form.choose') }, ...options]}
        />
      );
    }
    case 'boolean':
      return (
        <Radio.Group
          id={id}
          label={label}
          description={help}
          error={error}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(next) => onChange(next === 'yes')}
        >
          <Group mt={6}>
            <Radio value="yes" label={t('common.yes')} />
            <Radio value="no" label={t('common.no')} />
          </Group>
        </Radio.Group>
      );
    case 'text':
      return kind.multiline ? (
        <Textarea
          id={id}
          label={label}
          description={help}
          error={error}
          value={text}
          autosize
          minRows={3}
          maxLength={kind.maxLength}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <TextInput
          id={id}
          label={label}
          description={help}
          error={error}
          value={text}
          maxLength={kind.maxLength}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    default: {
      const number = parseNumber(text);
      const usd = kind.type === 'integer' && kind.usd;
      const echo = number !== undefined && usd ? format.usd(number) : undefined;
      return (
        <TextInput
          id={id}
          label={label}
          description={help}
          error={error}
          value={text}
          inputMode={kind.type === 'integer' ? 'numeric' : 'decimal'}
          onChange={(event) => onChange(event.currentTarget.value)}
          rightSectionWidth={usd ? 0 : undefined}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          {...(echo
            ? {
                description: (
                  <>
                    {help}
                    {help ? ' · ' : ''}
                    <Text span size="xs" fw={600} aria-live="polite">
                      {echo}
                    </Text>
                  </>
                ),
              }
            : {})}
        />
      );
    }
  }
}
