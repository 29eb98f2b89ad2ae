/**
 * The live InlineCode children of this test process, read from /proc (Linux): independent of how the emulator
 * tracks them, so a test can see a child the emulator forgot. Zombies (killed, not yet reaped) do not count.
 * Known by their command line (`python3 -c <wrapper>`), not their name: a pyenv shim runs as bash first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export const canListChildren = existsSync(`/proc/${process.pid}/stat`);

export function livePythonChildren(): number[] {
  const pids: number[] = [];
  // Every process on the machine, not /proc/<pid>/task/<tid>/children: that list may miss children forked or ended
  // meanwhile (https://docs.kernel.org/filesystems/proc.html), and the sampler in inline-python.test.ts counts them
  // while they come and go. The command line is read only for this process's own children.
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so split after its last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid || state === 'Z') continue;
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    if (cmdline.includes('<inline code>')) pids.push(Number(entry));
  }
  return pids;
}

export const isAlive = (pid: number) => livePythonChildren().includes(pid);

/** Polls until `done` holds; false after `withinMs` (a liveness bound, not a timing assertion). */
export async function eventually(done: () => boolean, withinMs = 10_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return done();
}
