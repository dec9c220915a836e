import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process in ms, from /proc (0 when it is gone). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state(0) ppid(1) ... utime(11) stime(12)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The pid in the first line of a pid file (postmaster.pid, redis.pid), or null. */
export function pidFromFile(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export type CpuGroups = Record<string, { pid: number; withChildren?: boolean }>;

/** CPU ms used so far by each group (a process, optionally with its direct children). */
export function cpuSnapshot(groups: CpuGroups): Record<string, Map<number, number>> {
  const snap: Record<string, Map<number, number>> = {};
  for (const [name, g] of Object.entries(groups)) {
    const pids = [g.pid, ...(g.withChildren ? childrenOf(g.pid) : [])];
    snap[name] = new Map(pids.map((p) => [p, cpuMsOf(p)]));
  }
  return snap;
}

/** CPU ms per group between two snapshots (processes started meanwhile count from zero). */
export function cpuDelta(
  before: Record<string, Map<number, number>>,
  after: Record<string, Map<number, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, now] of Object.entries(after)) {
    let ms = 0;
    for (const [pid, used] of now) ms += used - (before[name]?.get(pid) ?? 0);
    out[name] = ms;
  }
  return out;
}
