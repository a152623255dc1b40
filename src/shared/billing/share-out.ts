// Whole units shared in proportion (largest remainder): each gets the floor of its exact
// share, then the units left go one each to the largest remainders, ties in the given
// order. The shares always add up to `total` exactly. In BigInt, so no product overflows.
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = BigInt(weights.reduce((s, w) => s + w, 0))
  if (sum === 0n) return weights.map(() => 0)
  const shares = weights.map((weight, index) => {
    const numerator = BigInt(total) * BigInt(weight)
    return { value: Number(numerator / sum), remainder: numerator % sum, index }
  })
  let left = total - shares.reduce((s, share) => s + share.value, 0)
  for (const share of [...shares].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index))) {
    if (left <= 0) break
    share.value += 1
    left -= 1
  }
  return shares.map((share) => share.value)
}
