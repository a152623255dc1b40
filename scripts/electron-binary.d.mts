/** Why the desktop app cannot start from `root` (one line), or null when Electron's binary is in place. */
export function electronProblem(root: string, env?: Record<string, string | undefined>): string | null
