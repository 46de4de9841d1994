import type { TFunction } from 'i18next';

/**
 * Codes stay codes (stages, check codes, guards, actions); the console shows a translated label beside
 * them when it has one, and the bare code otherwise (a code added to the API later still reads).
 */
function lookup(t: TFunction, key: string, fallback: string): string {
  const value = t(key, { defaultValue: '' });
  return value === '' ? fallback : value;
}

export const stageLabel = (t: TFunction, stage: string) => lookup(t, `stage.${stage}`, stage);
export const checkLabel = (t: TFunction, code: string) =>
  lookup(t, `check.${code.replace(/\./g, '_')}`, code);
export const guardLabel = (t: TFunction, guard: string) =>
  lookup(t, `guard.${guard.replace(/\./g, '_')}`, guard);
export const actionLabel = (t: TFunction, action: string) =>
  lookup(t, `action.${action.replace(/\./g, '_')}`, action);
export const outcomeLabel = (t: TFunction, outcome: string) => lookup(t, `outcome.${outcome}`, outcome);
export const enumLabel = (t: TFunction, group: string, value: string) =>
  lookup(t, `enum.${group}.${value}`, value);
export const documentKindLabel = (t: TFunction, kind: string) => lookup(t, `documentKind.${kind}`, kind);

/** A field path of a problem (`sponsor.equityPct`, `governance.beneficialOwners[0].name`) in words. */
export function fieldLabel(t: TFunction, field: string): string {
  const normalised = field.replace(/\[\d+\]/g, '').replace(/\.\d+(?=\.|$)/g, '');
  return lookup(t, `field.${normalised.replace(/\./g, '_')}`, field);
}
