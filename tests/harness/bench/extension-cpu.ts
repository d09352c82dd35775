/**
 * The CPU the extension's own process uses (the panel frame and the background service worker share it), read
 * from Linux's scheduler in nanoseconds. DevTools' ProcessTime for the frame, the figure before, reads the same
 * process in /proc's 10 ms ticks: over a 20 s window one tick is 30 ms per minute, so a budget of 10 ms per minute
 * could only ever read 0 or 30+ (issue 31). Elsewhere than Linux there is no such file: the bench then keeps
 * ProcessTime.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** The ids of the extension processes of the browser whose profile is `userDataDir` (its renderers name it). */
function extensionProcesses(userDataDir: string): string[] {
  let ids: string[];
  try {
    ids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return ids.filter((pid) => {
    // Zygote-forked processes rewrite their arguments as one space-separated string.
    const args = read(`/proc/${pid}/cmdline`)?.split(/[\0 ]/) ?? [];
    return args.includes('--extension-process') && args.includes(`--user-data-dir=${userDataDir}`);
  });
}

/**
 * Milliseconds of CPU each thread of those processes has run, by the thread's name (the panel frame's
 * `CrRendererMain`, the background's `ServiceWorker t`, the compositor, raster and I/O threads), or undefined
 * where the scheduler does not say.
 */
export function extensionThreadsMs(userDataDir: string): Record<string, number> | undefined {
  const pids = extensionProcesses(userDataDir);
  if (pids.length === 0) return undefined;
  const byThread: Record<string, number> = {};
  for (const pid of pids) {
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {}
    for (const tid of threads) {
      const name = read(`/proc/${pid}/task/${tid}/comm`)?.trim() || 'unnamed';
      // The first field of schedstat: time run on a CPU, in ns.
      const ns = Number(read(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[0] ?? 0);
      byThread[name] = (byThread[name] ?? 0) + ns / 1e6;
    }
  }
  return byThread;
}
