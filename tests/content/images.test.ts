import { describe, expect, it } from 'vitest';
import { article, loadError } from '../helpers/content.ts';

describe('image errors', () => {
  it('should name the file and line of a missing image and of an image without alt text', async () => {
    const error = await loadError({
      articles: { 'a.md': article({ body: 'First paragraph.\n\n![](./nowhere.jpg)\n' }) },
    });
    const messages = error.files.flatMap((file) => file.messages).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    expect(messages).toEqual(['8:1 image-alt', '8:1 missing-image']);
  });

  it('should require alt text and an existing file for the lead image, at the image line', async () => {
    const error = await loadError({ articles: { 'a.md': article({ extra: ['image: missing.jpg'] }) } });
    const messages = error.files.flatMap((file) => file.messages).map((message) => `${message.line} ${message.ruleId}`);
    expect(messages.sort()).toEqual(['5 image-alt', '5 missing-image']);
  });

  it.each(['../outside.jpg', '/etc/passwd.jpg', 'https://example.com/x.jpg', 'x.svg'])('should refuse `image: %s`', async (image) => {
    const error = await loadError({ articles: { 'a.md': article({ extra: [`image: ${image}`, 'image_alt: x'] }) } });
    expect(error.files.flatMap((file) => file.messages)).toMatchObject([{ ruleId: 'invalid-field', line: 5 }]);
  });

  it('should refuse a body image outside the content folder', async () => {
    const error = await loadError({ articles: { 'a.md': article({ body: 'Text.\n\n![Secret](../../../etc/hostname.jpg)\n' }) } });
    expect(error.files.flatMap((file) => file.messages)).toMatchObject([{ ruleId: 'missing-image', line: 8 }]);
  });
});
