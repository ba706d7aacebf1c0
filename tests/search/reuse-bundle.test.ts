/**
 * Re-using a previous year bundle where hard links are impossible: the published site on another
 * device (EXDEV) or a file system that refuses links (EPERM) gets copies instead.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureBundle, reuseBundle } from '../../src/search/reuse-bundle.ts';
import { listFiles, tempDir } from '../helpers/build.ts';

const failure = vi.hoisted(() => ({ code: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    link: async (...args: Parameters<typeof actual.link>) => {
      if (failure.code) throw Object.assign(new Error(`${failure.code}: cannot link`), { code: failure.code });
      return actual.link(...args);
    },
  };
});

/** A small bundle-like folder: two files at the top, one in a subfolder. */
async function makeBundle(root: string): Promise<string> {
  const bundle = path.join(root, 'previous', '2024');
  await mkdir(path.join(bundle, 'fragment'), { recursive: true });
  await writeFile(path.join(bundle, 'pagefind.js'), 'export {};\n');
  await writeFile(path.join(bundle, 'pagefind-entry.json'), '{"version":"1.6.0"}');
  await writeFile(path.join(bundle, 'fragment', 'en_1.pf_fragment'), 'fragment bytes');
  return bundle;
}

describe('reuseBundle', () => {
  afterEach(() => {
    failure.code = '';
  });

  for (const code of ['EXDEV', 'EPERM']) {
    it(`should copy the files when linking fails with ${code}`, async () => {
      const root = await tempDir('reuse-copy');
      try {
        const bundle = await makeBundle(root);
        const target = path.join(root, 'next', '2024');
        failure.code = code;
        expect(await reuseBundle(bundle, target, await measureBundle(bundle))).toBe(true);
        const files = await listFiles(target);
        expect(files).toEqual(await listFiles(bundle));
        for (const file of files) {
          expect(await readFile(path.join(target, file), 'utf8')).toBe(await readFile(path.join(bundle, file), 'utf8'));
          expect((await stat(path.join(target, file))).ino).not.toBe((await stat(path.join(bundle, file))).ino);
        }
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  }

  it('should give up, leaving nothing behind, when linking fails for another reason', async () => {
    const root = await tempDir('reuse-fail');
    try {
      const bundle = await makeBundle(root);
      const target = path.join(root, 'next', '2024');
      failure.code = 'EIO';
      expect(await reuseBundle(bundle, target, await measureBundle(bundle))).toBe(false);
      await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('should refuse a bundle whose files differ from the recorded size, or that is missing', async () => {
    const root = await tempDir('reuse-size');
    try {
      const bundle = await makeBundle(root);
      const size = await measureBundle(bundle);
      const target = path.join(root, 'next', '2024');
      expect(await reuseBundle(bundle, target, { ...size, bytes: size.bytes + 1 })).toBe(false);
      expect(await reuseBundle(bundle, target, { ...size, files: size.files - 1 })).toBe(false);
      expect(await reuseBundle(path.join(root, 'previous', '1999'), target, size)).toBe(false);
      await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
