import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** The language choice (remembered; `<html lang>` follows). A native select: keyboard and screen-reader friendly. */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('common.language')}
      size="xs"
      value={i18n.language}
      onChange={(event) => setLanguage(event.currentTarget.value as Language)}
      data={LANGUAGES.map((language) => ({
        value: language.code,
        label: compact ? language.code : language.label,
      }))}
      w={compact ? 80 : 170}
    />
  );
}
