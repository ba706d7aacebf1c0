/**
 * Parses feed XML for tests, after checking that it is well-formed XML 1.0: cheerio alone would
 * quietly accept what a strict feed reader rejects.
 */
import { load, type CheerioAPI } from 'cheerio';

// Anything outside the XML 1.0 `Char` production (https://www.w3.org/TR/xml/#charsets).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
const NAME = '[A-Za-z_][\\w.:-]*';
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);

/**
 * Check that a document is well-formed XML 1.0, then parse it.
 *
 * @param text The document.
 * @returns A cheerio document in XML mode.
 * @throws When a character, reference or tag would make a strict XML parser fail.
 */
export function parseXml(text: string): CheerioAPI {
  assertWellFormed(text);
  return load(text, { xml: true });
}

/**
 * Throw unless `text` is a well-formed XML 1.0 document with one root element.
 *
 * @param text The document.
 */
export function assertWellFormed(text: string): void {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) throw new Error(`U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${bad.index} is not an XML 1.0 character`);
  const stack: string[] = [];
  let roots = 0;
  let index = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${index}: ${JSON.stringify(text.slice(index, index + 40))}`);
  };
  while (index < text.length) {
    const rest = text.slice(index);
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end === -1) fail('Unclosed processing instruction');
      index += end + 2;
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      if (end === -1) fail('Unclosed comment');
      index += end + 3;
    } else if (rest.startsWith('<![CDATA[')) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const end = rest.indexOf(']]>');
      if (end === -1) fail('Unclosed CDATA section');
      index += end + 3;
    } else if (rest.startsWith('<')) {
      const tag = TAG.exec(rest) ?? fail('Malformed tag');
      const [whole, closing, name, , selfClosing] = tag;
      if (closing) {
        if (stack.pop() !== name) fail(`Unexpected </${name}>`);
      } else {
        if (stack.length === 0) roots++;
        if (!selfClosing) stack.push(name!);
      }
      const attributes = tag[3] ?? '';
      for (const amp of attributes.matchAll(/&/g)) {
        if (!REFERENCE.test(attributes.slice(amp.index))) fail('Bad reference in an attribute');
      }
      index += whole.length;
    } else if (rest.startsWith('&')) {
      if (!REFERENCE.test(rest)) fail('Bad reference');
      index += 1;
    } else {
      const next = rest.search(/[<&]/);
      const run = next === -1 ? rest : rest.slice(0, next);
      if (stack.length === 0 && run.trim()) fail('Text outside the root element');
      if (run.includes(']]>')) fail('`]]>` in text');
      index += run.length;
    }
  }
  if (stack.length > 0) fail(`Unclosed <${stack.at(-1)}>`);
  if (roots !== 1) fail(`${roots} root elements`);
}
