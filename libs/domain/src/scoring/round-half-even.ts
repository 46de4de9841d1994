/**
 * `round_half_even(numerator / denominator)` on integers (banker's rounding), as scoring.md uses it.
 *
 * Both arguments must be safe integers (or bigints); the denominator must not be zero. The
 * division is done on BigInt, so no intermediate value is ever a binary fraction. The result
 * must fit a safe integer.
 */
export function roundHalfEven(numerator: number | bigint, denominator: number | bigint): number {
  const n = toBigInt(numerator, 'numerator');
  const d = toBigInt(denominator, 'denominator');
  if (d === 0n) throw new RangeError('roundHalfEven: denominator is zero');
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  let quotient = absN / absD;
  const twiceRemainder = (absN % absD) * 2n;
  if (twiceRemainder > absD || (twiceRemainder === absD && quotient % 2n === 1n)) quotient += 1n;
  const result = negative ? -quotient : quotient;
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('roundHalfEven: result is not a safe integer');
  }
  // `-0` would serialise as 0 anyway; keep it a plain 0.
  return result === 0n ? 0 : Number(result);
}

function toBigInt(value: number | bigint, name: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value))
    throw new RangeError(`roundHalfEven: ${name} ${value} is not a safe integer`);
  return BigInt(value);
}
