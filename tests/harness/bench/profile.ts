/**
 * Reading DevTools CPU profiles: the extension's time counted two ways (self: the innermost frame is extension code;
 * with callees: an extension frame anywhere on the stack, so the DOM calls it makes count too), and where it goes.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileTimes {
  /** Milliseconds whose innermost frame is extension code. */
  self: number;
  /** Milliseconds with an extension frame anywhere on the stack. */
  withCallees: number;
  /** Milliseconds by "outermost extension function › innermost function", with callees. */
  where: Record<string, number>;
}

const isExtension = (url: string) => url.startsWith('chrome-extension://');

function label(node: CpuProfile['nodes'][number]): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const file = url ? url.replace(/^chrome-extension:\/\/[^/]+\//, '') : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
}

/** `everything`: count every sample (a frame that runs only extension code), not only those under extension code. */
export function profileTimes(profile: CpuProfile, everything = false): ProfileTimes {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // For each node: the outermost extension frame on its stack, if any (memoised, the tree is walked once per node).
  const outermost = new Map<number, number | null>();
  const findOutermost = (id: number): number | null => {
    const known = outermost.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const above = up === undefined ? null : findOutermost(up);
    const node = byId.get(id);
    const result = above ?? (node && isExtension(node.callFrame.url) ? id : null);
    outermost.set(id, result);
    return result;
  };
  const times: ProfileTimes = { self: 0, withCallees: 0, where: {} };
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    const top = findOutermost(id);
    if (node && isExtension(node.callFrame.url)) times.self += micros / 1000;
    if (top === null && !everything) return;
    times.withCallees += micros / 1000;
    const topNode = top === null ? undefined : byId.get(top);
    const key = topNode && topNode !== node ? `${label(topNode)} › ${label(node)}` : label(node);
    times.where[key] = (times.where[key] ?? 0) + micros / 1000;
  });
  return times;
}

/** The largest entries of `where`, per minute of `seconds`, as printable lines. */
export function topWhere(where: Record<string, number>, seconds: number, count = 6): string[] {
  return Object.entries(where)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([what, ms]) => `${((ms / seconds) * 60).toFixed(1)} ms/min  ${what}`);
}
