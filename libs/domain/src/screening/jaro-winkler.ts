/**
 * Jaro-Winkler similarity (Winkler 1990): Jaro with the common-prefix boost (prefix up to 4
 * characters, scaling factor 0.1) applied when the Jaro similarity exceeds 0.7 (Winkler's
 * boost threshold). Our own implementation rather than the `jaro-winkler` package (untyped
 * CommonJS, allocates arrays per call); the spec checks it against published values
 * (MARTHA/MARHTA 0.9611, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.8133).
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = ensure(0, la);
  const matchedB = ensure(1, lb);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window, lb - 1);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === ca) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, k = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const t = halfTranspositions / 2;
  const jaro = (m / la + m / lb + (m - t) / m) / 3;
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Scratch flags reused across calls (the domain is synchronous; no re-entrancy).
const scratch: Uint8Array[] = [new Uint8Array(64), new Uint8Array(64)];
function ensure(slot: 0 | 1, length: number): Uint8Array {
  let buf = scratch[slot]!;
  if (buf.length < length) {
    buf = new Uint8Array(Math.max(length, buf.length * 2));
    scratch[slot] = buf;
  }
  buf.fill(0, 0, length);
  return buf;
}
