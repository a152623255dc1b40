// Times several ways of doing the same thing in turn, who goes first rotating from round
// to round, so that a busy moment of the machine (other processes, a garbage
// collection) lands on all of them alike. Each runs once untimed first (warm-up), unless
// the caller has already run them (to check they agree, say).

export interface TurnSamples {
  /** Wall-clock milliseconds per run. */
  wall: number[]
  /**
   * Milliseconds of this process's CPU time (user and system) per run: far steadier than
   * the wall clock on a machine others are busy on, but blind to work done in another
   * process (a PostgreSQL backend) and to waiting on the disk.
   */
  cpu: number[]
}

/** The samples of each way, in the order given. */
export async function timeInTurns(ways: readonly (() => unknown)[], rounds: number, { warmUp = true }: { warmUp?: boolean } = {}): Promise<TurnSamples[]> {
  if (warmUp) for (const way of ways) await way()
  const samples = ways.map((): TurnSamples => ({ wall: [], cpu: [] }))
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < ways.length; turn++) {
      const index = (round + turn) % ways.length
      const cpu = process.cpuUsage()
      const started = performance.now()
      await ways[index]?.()
      const wall = performance.now() - started
      const used = process.cpuUsage(cpu)
      samples[index]?.wall.push(wall)
      samples[index]?.cpu.push((used.user + used.system) / 1000)
    }
  }
  return samples
}
