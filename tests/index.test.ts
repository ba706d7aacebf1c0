import { describe, expect, it } from 'vitest';
import * as broadsheet from '../src/index.ts';

describe('broadsheet', () => {
  it('should expose the same public exports', () => {
    expect(Object.keys(broadsheet).sort()).toEqual(['broadsheetPlugin', 'buildCollections', 'createProcessor', 'loadContent', 'renderMarkdown']);
  });
});
