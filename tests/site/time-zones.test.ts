/**
 * The build machine's time zone must not change the site: the basic fixture (which has a date-only
 * article on 2025-03-01 and stories stamped just before and just after midnight) is built in two
 * child processes, one at UTC−8 and one at UTC+14, and the two trees must be byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInChildProcess, fixture, readTree, tempDir } from '../helpers/build.ts';

const zones = ['America/Los_Angeles', 'Pacific/Kiritimati'] as const;
let root: string;
const trees = new Map<string, Map<string, Buffer>>();

beforeAll(async () => {
  root = await tempDir('time-zones');
  await Promise.all(
    zones.map(async (zone) => {
      // One parent folder per build, so neither build's clean-up of stale staging folders sees the other's.
      const outputDir = path.join(root, zone.replace('/', '-'), 'site');
      await mkdir(path.dirname(outputDir));
      await buildInChildProcess({ ...fixture('basic'), outputDir }, { TZ: zone });
      trees.set(zone, await readTree(outputDir));
    }),
  );
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('builds in different time zones', () => {
  it('should really run the children in the zones asked for', () => {
    for (const zone of zones) {
      const offset = execFileSync(process.execPath, ['-p', 'new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset()'], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      });
      expect(Number(offset)).toBe(zone === 'America/Los_Angeles' ? 480 : -840);
    }
  });

  it('should write the same list of files', () => {
    const [a, b] = zones.map((zone) => [...trees.get(zone)!.keys()]);
    expect(a!.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
  });

  it('should write byte-identical files', () => {
    const [a, b] = zones.map((zone) => trees.get(zone)!);
    const different = [...a!.keys()].filter((file) => !b!.get(file)?.equals(a!.get(file)!));
    expect(different).toEqual([]);
  });

  it('should put the date-only and near-midnight articles on their newsroom days', () => {
    const files = [...trees.get(zones[0])!.keys()];
    expect(files).toContain('2025/03/01/harbour-master-retires/index.html');
    expect(files).toContain('2025/03/02/late-night-council-vote-on-ferries/index.html');
    expect(files).toContain('2024/12/31/new-years-eve-fireworks-cancelled/index.html');
  });
});
