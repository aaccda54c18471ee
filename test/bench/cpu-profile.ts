// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): where the bot process spent
// its own CPU time, by function and by file or package, so hot spots can be named.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
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

export async function summariseProfile(
  path: string,
  count = 15,
): Promise<{ functions: HotSpot[]; places: HotSpot[]; idle: number }> {
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
    idle: all === 0 ? 0 : idle / all,
  };
}
