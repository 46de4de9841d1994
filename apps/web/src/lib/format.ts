import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Amounts, percentages and dates for the active language (console.md: `Intl`, never hand-made). */
export interface Formatters {
  usd(amount: number | null | undefined): string;
  /** Compact US dollars (US$ 250 M) for tables. */
  usdCompact(amount: number | null | undefined): string;
  number(value: number | null | undefined, digits?: number): string;
  /** A percentage given in percent (35 → 35 %). */
  percent(value: number | null | undefined, digits?: number): string;
  /** A percentage given in integer hundredths of a percent (3550 → 35.5 %). */
  hundredthsPercent(value: number | null | undefined): string;
  /** A multiple given in integer hundredths (56 → 0.56×): the mobilisation ratio. */
  ratio(value: number | null | undefined): string;
  /** A score in integer hundredths (4525 → 45.25). */
  score(value: number | null | undefined): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  bytes(value: number): string;
}

const DASH = '—';

export function createFormatters(language: string): Formatters {
  const usd = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  });
  const usdCompact = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const percent = (digits: number) =>
    new Intl.NumberFormat(language, {
      style: 'percent',
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
  return {
    usd: (amount) => (amount == null ? DASH : usd.format(amount)),
    usdCompact: (amount) => (amount == null ? DASH : usdCompact.format(amount)),
    number: (value, digits = 2) =>
      value == null ? DASH : new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value),
    percent: (value, digits = 2) => (value == null ? DASH : percent(digits).format(value / 100)),
    hundredthsPercent: (value) => (value == null ? DASH : percent(2).format(value / 10000)),
    ratio: (value) =>
      value == null
        ? DASH
        : `${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100)}×`,
    score: (value) =>
      value == null
        ? DASH
        : new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
            value / 100,
          ),
    date: (value) => (value ? date.format(toDate(value)) : DASH),
    dateTime: (value) => (value ? dateTime.format(toDate(value)) : DASH),
    bytes: (value) =>
      new Intl.NumberFormat(language, {
        style: 'unit',
        unit: value >= 1048576 ? 'megabyte' : value >= 1024 ? 'kilobyte' : 'byte',
        maximumFractionDigits: 1,
      }).format(value >= 1048576 ? value / 1048576 : value >= 1024 ? value / 1024 : value),
  };
}

/**
 * The locale for numbers and dates: the browser's own regional variant of the active language when it has
 * one (es-AR writes US$ 780.000.000, es-ES 780.000.000 US$), else the language itself.
 */
export function formattingLocale(language: string): string {
  const base = language.split('-')[0].toLowerCase();
  const regional = (
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  ).find((candidate) => candidate?.toLowerCase().split('-')[0] === base);
  return regional && regional.includes('-') && !language.includes('-') ? regional : language;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(formattingLocale(i18n.language)), [i18n.language]);
}

/** A country's name in the active language (`AR` → Argentina / Argentina / Argentina), the code as fallback. */
export function useCountryName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    } catch {
      names = undefined;
    }
    return (code) => (code ? (names?.of(code) ?? code) : '—');
  }, [i18n.language]);
}
