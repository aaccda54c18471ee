// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): where the bot process spent
// its own CPU time, by function and by file or package, so hot spots can be named.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface HotSpot {
  name: string;
  share: number;
}

/** `node_modules/<package>` for dependencies, the path below the project for our own files. */
function placeOf(url: string): string {
  if (url === '') return '(native/V8)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  const own = /\/(bot|dialogs|test)\/(.+)$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url;
}

function top(totals: Map<string, number>, all: number, count: number): HotSpot[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => ({ name, share: hits / all }));
}

const OWN_CODE = /\/(bot|dialogs)\//;

/** Time spent in each of our own functions including what they call (each sample counted once
 *  per function however deep the recursion), which self time hides behind library frames. */
function inclusiveOwn(profile: CpuProfile, busy: number, count: number): HotSpot[] {
  const parent = new Map<number, ProfileNode>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node);
  }
  const totals = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = parent.get(at.id)) {
      const { functionName, url, lineNumber } = at.callFrame;
      if (!OWN_CODE.test(url)) continue;
      const name = `${functionName || '(anonymous)'} ${placeOf(url)}:${lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      totals.set(name, (totals.get(name) ?? 0) + hits);
    }
  }
  return top(totals, busy, count);
}

export async function summariseProfile(
  path: string,
  count = 15,
): Promise<{ functions: HotSpot[]; places: HotSpot[]; ownInclusive: HotSpot[]; idle: number }> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let all = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    all += hits;
    if (functionName === '(idle)') {
      idle += hits;
      all -= hits;
      continue;
    }
    const place = placeOf(url);
    const name = `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
  }
  return {
    functions: top(byFunction, all, count),
    places: top(byPlace, all, count),
    ownInclusive: inclusiveOwn(profile, all, count * 2),
    idle: idle / Math.max(1, all + idle),
  };
}
