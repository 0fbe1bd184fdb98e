import { readFileSync } from 'node:fs';

/** Whether a process with this id runs and its command line contains `marker` (its data directory, so a recycled pid is not mistaken for ours). */
export function isProcessRunning(pid: number, marker: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    // No /proc (macOS): trust the signal check.
    return true;
  }
}

/** Sends a signal and waits up to `timeoutMs` for the process to go away. */
export async function stopProcess(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return true;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * The command line of the process's parent when that parent is a live Node process (an app still
 * running on the same data), or undefined when the process is an orphan of a killed run.
 */
export function liveParentOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isInteger(ppid) || ppid <= 1) return undefined;
    const cmdline = readFileSync(`/proc/${ppid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return /\bnode\b/.test(cmdline) ? `${ppid} (${cmdline.slice(0, 80)})` : undefined;
  } catch {
    return undefined;
  }
}
