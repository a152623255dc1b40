// Times several ways of doing the same thing in turn, who goes first rotating from round
// to round, so that a busy moment of the machine (other processes, a garbage
// collection) lands on all of them alike. Each runs once untimed first (warm-up).

/** Milliseconds per run of each way, in the order given. */
export async function timeInTurns(ways: readonly (() => unknown)[], rounds: number): Promise<number[][]> {
  for (const way of ways) await way()
  const samples = ways.map((): number[] => [])
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < ways.length; turn++) {
      const index = (round + turn) % ways.length
      const started = performance.now()
      await ways[index]?.()
      samples[index]?.push(performance.now() - started)
    }
  }
  return samples
}
