/**
 * Converts a post's body: Jekyll's `{% highlight %}` and Hugo's `{{< highlight >}}` become fenced
 * code, `{% raw %}` tags go. Everything else a template engine or MDX would have run (Liquid tags,
 * `{{ … }}`, shortcodes, components, `import` lines, raw HTML blocks) stays where it is and gets a
 * finding with its line, so nothing is lost without the report saying so.
 */
import { finding, preview } from './messages.ts';
import type { Finding } from './model.ts';

/** A line of the converted body and the source line it came from. */
interface Line {
  text: string;
  line: number;
}

const RAW_TAG = /\{%-?\s*(end)?raw\s*-?%\}/g;
const HIGHLIGHTS = [
  { open: /^\s*\{%-?\s*highlight\s+([^\s%]+)\s*(.*?)\s*-?%\}\s*$/, close: /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/ },
  { open: /^\s*\{\{<\s*highlight\s+"?([^\s">]+)"?\s*(.*?)\s*>\}\}\s*$/, close: /^\s*\{\{<\s*\/\s*highlight\s*>\}\}\s*$/ },
];
const ESCAPED_SHORTCODE = /\{\{([<%])\/\*\s*(.*?)\s*\*\/([>%])\}\}/g;
const SHORTCODE = /\{\{[<%]-?(?!\s*\/)\s*(.*?)\s*-?[>%]\}\}/g;
const LIQUID_TAG = /\{%-?\s*(\w+).*?-?%\}/g;
const EXPRESSION = /\{\{-?(?![<%]).*?-?\}\}/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const COMPONENT = /<([A-Z]\w*(?:\.\w+)*)(?=[\s/>])/g;
const MDX_LINE = /^(?:import\s+(?:[\w*{][^'"]*\s+from\s+)?['"][^'"]+['"];?\s*$|export\s+(?:const|let|var|function|default)\b)/;
const HTML_BLOCK = /^ {0,3}<(?:!--|\/?[a-z][\w-]*(?=[\s/>]|$))/;

/**
 * Convert a body.
 *
 * @param body The body as written.
 * @param firstLine The source file line of the body's first line.
 * @returns The converted body and a finding for every construct left in place or converted.
 */
export function convertBody(body: string, firstLine: number): { text: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const lines = convertHighlights(body.split('\n').map((text, index) => ({ text, line: firstLine + index })), findings);
  const output: string[] = [];
  let raw = false;
  let fence: string | undefined;
  let inHtml = false;
  for (const { text, line } of lines) {
    // Split the line at raw tags: what is inside `{% raw %}` is literal, and the tags go.
    let kept = '';
    let last = 0;
    for (const match of text.matchAll(RAW_TAG)) {
      if (!raw) kept += scanTemplates(text.slice(last, match.index), line, fence !== undefined, findings);
      else kept += text.slice(last, match.index);
      raw = match[1] === undefined;
      last = match.index + match[0].length;
      findings.push(finding('raw-removed', line, match[0]));
    }
    kept += raw ? text.slice(last) : scanTemplates(text.slice(last), line, fence !== undefined, findings);
    if (last > 0 && kept.trim() === '') continue; // a line that held only raw tags

    const marker = FENCE.exec(kept)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && kept.trim() === marker) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else if (!/^( {4}|\t)/.test(kept)) {
      inHtml = scanMarkup(kept, line, inHtml, findings);
    }
    output.push(kept);
  }
  return { text: output.join('\n'), findings };
}

/** Turn highlight blocks into fenced code; an unclosed one stays, with a warning. */
function convertHighlights(lines: Line[], findings: Finding[]): Line[] {
  const output: Line[] = [];
  let raw = false;
  for (let index = 0; index < lines.length; index++) {
    const current = lines[index]!;
    const tags = [...current.text.matchAll(RAW_TAG)];
    const wasRaw = raw;
    if (tags.length > 0) raw = tags.at(-1)![1] === undefined;
    const kind = wasRaw || tags.length > 0 ? undefined : HIGHLIGHTS.find(({ open }) => open.test(current.text));
    const end = kind ? lines.findIndex((candidate, at) => at > index && kind.close.test(candidate.text)) : -1;
    if (!kind) {
      output.push(current);
      continue;
    }
    if (end === -1) {
      findings.push(finding('highlight-unclosed', current.line, current.text.trim()));
      output.push(current);
      continue;
    }
    const [, language = '', options = ''] = kind.open.exec(current.text)!;
    const code = lines.slice(index + 1, end);
    const longest = Math.max(2, ...code.map(({ text }) => /^\s*(`+)/.exec(text)?.[1]!.length ?? 0));
    const fence = '`'.repeat(longest + 1);
    findings.push(finding('highlight-converted', current.line, current.text.trim(), options.replace(/^"|"$/g, '')));
    output.push({ text: fence + language, line: current.line }, ...code, { text: fence, line: lines[end]!.line });
    index = end;
  }
  return output;
}

/**
 * Find template syntax in text outside `{% raw %}`; unescape Hugo's escaped shortcodes, whose
 * delimiters hold a comment so that the old site showed them as written.
 *
 * @returns The text, with escaped shortcodes unescaped.
 */
function scanTemplates(text: string, line: number, inCode: boolean, findings: Finding[]): string {
  const where = inCode ? ' (inside a code block, where the old site still ran it)' : '';
  const unescaped = text.replace(ESCAPED_SHORTCODE, (written, open: string, inner: string, close: string) => {
    const now = `{{${open} ${inner} ${close}}}`;
    findings.push(finding('shortcode-unescaped', line, written, now));
    return now;
  });
  // Look at the text without the escaped shortcodes, which are literal now.
  const live = text.replace(ESCAPED_SHORTCODE, (written) => ' '.repeat(written.length));
  for (const match of live.matchAll(SHORTCODE)) findings.push(finding('shortcode', line, preview(match[0]), where));
  for (const match of live.replace(SHORTCODE, '').matchAll(LIQUID_TAG)) {
    const listed = match[1] === 'highlight' && findings.some((item) => item.ruleId === 'highlight-unclosed' && item.line === line);
    if (!listed && !/^(end|else|elsif|when)/.test(match[1]!)) findings.push(finding('liquid-tag', line, preview(match[0]), where));
  }
  for (const match of live.replace(SHORTCODE, '').matchAll(EXPRESSION)) findings.push(finding('template-expression', line, preview(match[0]), where));
  return unescaped;
}

/**
 * Find MDX and raw HTML outside code.
 *
 * @returns Whether an HTML block is still open after this line (it ends at a blank line).
 */
function scanMarkup(text: string, line: number, inHtml: boolean, findings: Finding[]): boolean {
  if (text.trim() === '') return false;
  if (MDX_LINE.test(text)) {
    findings.push(finding('mdx-import', line, preview(text.trim())));
    return inHtml;
  }
  const outsideCode = text.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
  const components = new Set([...outsideCode.matchAll(COMPONENT)].map((match) => match[1]!));
  for (const component of components) findings.push(finding('mdx-component', line, component));
  if (inHtml) return true;
  const html = HTML_BLOCK.exec(outsideCode);
  if (!html) return false;
  findings.push(finding('raw-html', line, preview(text.trim(), 40)));
  return true;
}
