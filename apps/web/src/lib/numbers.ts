const NUMBER = /^-?\d+(\.\d+)?$/;

/** The typed text of a number field as a number, or undefined when it is not one (a rule then says why). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text
    .trim()
    .replace(/[\s_]/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!NUMBER.test(trimmed)) return undefined;
  return Number(trimmed);
}
