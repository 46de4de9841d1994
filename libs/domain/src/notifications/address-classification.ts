import ipaddr from 'ipaddr.js';

/**
 * SSRF protection for webhooks (monitoring.md): a webhook URL must not reach the fund's own
 * network. Every address a URL resolves to is classified here (after DNS resolution, by the
 * caller); only `public` addresses are allowed unless `WEBHOOK_ALLOW_PRIVATE=true`.
 *
 * Ranges come from `ipaddr.js` (IANA special-purpose registries). IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is classified as the IPv4 address it carries; the deprecated
 * IPv4-compatible form (`::127.0.0.1`) and the IPv6 ranges that embed or translate IPv4
 * (NAT64, 6to4, Teredo) are `reserved`, since their real destination cannot be known here.
 */
export const ADDRESS_CLASSES = [
  'public',
  'loopback',
  'private',
  'link_local',
  'unique_local',
  'carrier_grade_nat',
  'unspecified',
  'multicast',
  'broadcast',
  'reserved',
  'invalid',
] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

export interface AddressClassification {
  class: AddressClass;
  /** The address in normal form (the IPv4 address for an IPv4-mapped one); `null` when invalid. */
  address: string | null;
  /** `ipaddr.js`'s range name, for the log. */
  range: string | null;
}

const BY_RANGE: Readonly<Record<string, AddressClass>> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link_local',
  uniqueLocal: 'unique_local',
  carrierGradeNat: 'carrier_grade_nat',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
};

/** Classifies one IP address (v4 or v6, no port, no brackets, no zone id). */
export function classifyAddress(text: string): AddressClassification {
  // `ipaddr.isValid` accepts legacy forms (`127.1`, `0x7f.1`): only the canonical textual forms are addresses here.
  if (
    typeof text !== 'string' ||
    !(ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text)) ||
    text.includes('%')
  ) {
    return { class: 'invalid', address: null, range: null };
  }
  let addr = ipaddr.parse(text);
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      addr = v6.toIPv4Address();
    } else {
      const parts = v6.parts;
      const compatible = parts.slice(0, 6).every((p) => p === 0) && !(parts[6] === 0 && parts[7] <= 1);
      if (compatible) return { class: 'reserved', address: v6.toString(), range: 'ipv4Compatible' };
    }
  }
  const range = addr.range();
  return { class: BY_RANGE[range] ?? 'reserved', address: addr.toString(), range };
}

/** Whether a webhook may be delivered to this address. */
export function isAllowedWebhookAddress(text: string, allowPrivate: boolean): boolean {
  const { class: c } = classifyAddress(text);
  if (c === 'invalid') return false;
  return allowPrivate || c === 'public';
}
