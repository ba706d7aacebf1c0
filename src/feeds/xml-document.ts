/**
 * Safe text for XML documents written with xmlbuilder2, shared by every XML feed and sitemap.
 */
import { create } from 'xmlbuilder2';

/** An xmlbuilder2 node. */
export type XmlNode = ReturnType<typeof create>;

/**
 * Start an XML 1.0 document. Characters XML 1.0 forbids (control characters, lone surrogates,
 * U+FFFE) are dropped, so one pasted control character can't break a feed or a sitemap.
 *
 * @returns The document node, ready for its root element.
 */
export function createXmlDocument(): XmlNode {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

/**
 * Prepare text or an attribute value for xmlbuilder2. It leaves anything that looks like an entity
 * (`&lt;`, `&amp;`, `&#60;`) unescaped, so text containing one would change meaning; escaping every
 * `&` first makes it say exactly what it said.
 *
 * @param text The text as readers should see it.
 * @returns The text to pass to `.txt()` or as an attribute value.
 */
export function literal(text: string): string {
  return text.replace(/&/g, '&amp;');
}
