/**
 * A strict, non-validating XML parser for package manifests, built on the saxes SAX parser.
 *
 * Manifests are small documents from untrusted uploads, so the parser is deliberately narrow:
 * any DOCTYPE or markup declaration is refused before parsing (no external entities, no entity
 * expansion, so no XXE and no billion laughs); only the five predefined entities and character
 * references are expanded; element names are resolved to namespace URIs so callers can match
 * `imsss:objectives` and `adlseq:objectives` apart whatever prefixes the author chose.
 * Unbound prefixes are tolerated (namespace `null`, prefix kept) because authoring tools often
 * forget to declare `adlcp`.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export interface XmlAttribute {
  /** Local name, without prefix. */
  readonly name: string;
  readonly prefix: string | null;
  /** Namespace URI; `null` for unprefixed attributes and unbound prefixes. */
  readonly namespace: string | null;
  readonly value: string;
}

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  readonly prefix: string | null;
  /** Namespace URI; `null` when none is in scope or the prefix is unbound. */
  readonly namespace: string | null;
  readonly attributes: XmlAttribute[];
  readonly children: XmlElement[];
  /** Concatenated character data directly inside this element (CDATA included), untrimmed. */
  text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
}

export interface XmlDocument {
  readonly root: XmlElement;
  /** Every namespace URI declared anywhere in the document, in order of first declaration. */
  readonly namespaceUris: string[];
}

export type XmlErrorKind = 'dtd' | 'syntax';

export class XmlError extends Error {
  constructor(
    readonly kind: XmlErrorKind,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `line ${line}, column ${column}: ${message}`);
    this.name = 'XmlError';
  }
}

export interface ParseXmlOptions {
  /** Deepest element nesting accepted; guards the recursive walks callers do afterwards. */
  maxDepth?: number;
}

// A cheap textual pre-check, so no declaration ever reaches the parser, not even inside a comment.
const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;

/** Throws `XmlError('dtd')` when the text declares a DOCTYPE or entities, even inside a comment. */
export function assertNoDoctype(text: string): void {
  const match = DECLARATION.exec(text);
  if (!match) return;
  const { line, column } = position(text, match.index);
  throw new XmlError('dtd', dtdMessage(match[1]!), line, column);
}

function dtdMessage(declaration: string): string {
  return `the document contains a <!${declaration.toUpperCase()}> declaration; DTDs and entity declarations are refused`;
}

export function parseXml(input: string, options: ParseXmlOptions = {}): XmlDocument {
  const text = stripBom(input);
  assertNoDoctype(text);
  return new TreeBuilder(text, options.maxDepth ?? 256).build();
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

// saxes fails on a prefix nobody declared. Resolving it to this marker plus the prefix instead keeps
// the document parseable (and `p:x` / `q:x` distinct), and the marker is mapped back to `null`.
// NUL can never occur in a well-formed document, so no declared URI can start with it.
const UNBOUND = '\u0000';
const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const REFERENCE_NAME = /^[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_.\-:\u00B7\u00C0-\uFFFF]*$/;
/** saxes messages that mean the input ended inside something. */
const AT_END = /^(unclosed tag|unexpected end|document must contain a root element)/;
/** saxes reports a bad reference at its ";" (or only at the end of input); we point at its "&". */
const ENTITY_ERROR = /^(undefined entity|disallowed character in entity name|empty entity name|malformed character entity)/;
/** What an unfinished construct is, by how it starts; the first match wins. */
const UNFINISHED: [string, string][] = [
  ['<!--', 'comment'],
  ['<![CDATA[', 'CDATA section'],
  ['<?', 'processing instruction'],
  ['</', 'end tag'],
  ['<!', 'markup declaration'],
];

interface OpenElement {
  readonly element: XmlElement;
  readonly qualifiedName: string;
}

/** Builds the element tree from saxes events and turns saxes errors into positioned `XmlError`s. */
class TreeBuilder {
  private readonly parser: SaxesParser<{ xmlns: true }>;
  private readonly stack: OpenElement[] = [];
  private readonly namespaceUris = new Set<string>();
  private root: XmlElement | undefined;
  private startLine = 1;
  private startName = '';
  /** Offset just past the last complete construct; anything unfinished starts after it. */
  private settled = 0;
  /**
   * Inside the leading `<?xml …?>`. Nothing in it is used (decodeXmlBytes applies the encoding and
   * the version is forced to 1.0), so a sloppy declaration is not worth refusing a package for.
   */
  private inDeclaration: boolean;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.inDeclaration = /^<\?xml[\s?]/.test(text);
    const parser = new SaxesParser({
      xmlns: true,
      position: true,
      // Read every document as XML 1.0, whatever it declares: 1.1 would admit control characters.
      defaultXMLVersion: '1.0',
      forceXMLVersion: true,
      resolvePrefix: (prefix: string) => (prefix === '' ? undefined : UNBOUND + prefix),
    });
    this.parser = parser;
    parser.on('opentagstart', (tag) => {
      // saxes has already read the character ending the name; when that was a line break it is on
      // the next line (column 0), but the start tag began on the previous one.
      this.startLine = parser.column === 0 ? parser.line - 1 : parser.line;
      this.startName = tag.name;
    });
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', (tag) => this.close(tag));
    parser.on('text', (text) => this.append(text));
    parser.on('cdata', (text) => {
      this.append(text);
      this.settled = parser.position;
    });
    // saxes reports a comment at its closing "--", before it has seen the ">" that must follow.
    parser.on('comment', () => (this.settled = parser.position + 1));
    parser.on('processinginstruction', () => (this.settled = parser.position));
    parser.on('xmldecl', () => {
      this.inDeclaration = false;
      this.settled = parser.position;
    });
    // Unreachable after assertNoDoctype, but the parser itself must never accept a DTD either.
    parser.on('doctype', () => this.fail(dtdMessage('DOCTYPE'), 'dtd'));
    parser.on('error', (error) => this.onError(error.message.replace(/^\d+:\d+: /, '')));
  }

  build(): XmlDocument {
    this.parser.write(this.text).close();
    return { root: this.root!, namespaceUris: [...this.namespaceUris] };
  }

  private open(tag: SaxesTagNS): void {
    if (!tag.isSelfClosing && this.stack.length >= this.maxDepth) {
      this.fail(`elements are nested deeper than ${this.maxDepth} levels`);
    }
    const attributes: XmlAttribute[] = [];
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') {
        const uri = attribute.value.trim();
        if (uri !== '') this.namespaceUris.add(uri);
        continue;
      }
      attributes.push({
        name: attribute.local,
        prefix: attribute.prefix === '' ? null : attribute.prefix,
        namespace: attribute.prefix === '' ? null : boundUri(attribute.uri),
        value: attribute.value,
      });
    }
    const element: XmlElement = {
      name: tag.local,
      prefix: tag.prefix === '' ? null : tag.prefix,
      namespace: boundUri(tag.uri),
      attributes,
      children: [],
      text: '',
      line: this.startLine,
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.element.children.push(element);
    else this.root = element;
    this.stack.push({ element, qualifiedName: tag.name });
    this.settled = this.parser.position;
  }

  private close(tag: SaxesTagNS): void {
    const open = this.stack.pop()!;
    if (!tag.isSelfClosing) {
      // saxes pops the open element before it notices that the end tag names another one, so the
      // check is made here, where both names and the line of the start tag are known.
      const end = this.parser.position - 1;
      const start = this.text.lastIndexOf('<', end);
      const name = this.text.slice(start + 2, end).trim();
      if (name !== open.qualifiedName) {
        this.failAt(start, `</${name}> does not match <${open.qualifiedName}> from line ${open.element.line}`);
      }
    }
    this.settled = this.parser.position;
  }

  private append(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.element.text += text;
  }

  /** Every saxes error is fatal, except a sloppy XML declaration (see `inDeclaration`). */
  private onError(message: string): void {
    if (AT_END.test(message)) this.failAtEnd();
    if (this.inDeclaration && message !== 'disallowed character.') return;
    if (ENTITY_ERROR.test(message)) {
      const bad = this.findBadReference(this.settled, this.text.length);
      if (bad) this.failAt(bad.index, bad.message);
    }
    this.fail(this.reword(message));
  }

  /** Our wording for the saxes messages callers are most likely to see; others pass through. */
  private reword(message: string): string {
    const duplicate = /^duplicate attribute: (.*)\.$/.exec(message);
    if (duplicate) {
      const name = duplicate[1]!.replace(/^\{\u0000([^}]*)\}/, '$1:');
      return `attribute "${name}" appears twice in <${this.startName}>`;
    }
    const unmatched = /^unmatched closing tag: (.*)\.$/.exec(message);
    if (unmatched) return `</${unmatched[1]}> has no matching start tag`;
    switch (message) {
      case 'unquoted attribute value.':
        return `attribute values in <${this.startName}> must be quoted`;
      case 'no whitespace between attributes.':
        return `expected whitespace between the attributes of <${this.startName}>`;
      case 'documents may contain only one root.':
        return 'only one root element is allowed';
      case 'text data outside of root node.':
        return this.root ? 'text is not allowed after the root element' : 'text is not allowed before the root element';
      case 'an XML declaration must be at the start of the document.':
      case 'the XML declaration must appear at the start of the document.':
        return 'the XML declaration is only allowed at the very start of the document';
      case 'malformed comment.':
        return 'comments may not contain "--"';
      case 'incorrect syntax.':
        return 'unexpected markup declaration';
      case 'disallowed character.': {
        const code = this.text.charCodeAt(this.parser.position - 1);
        if (code === 0x3c) return `attribute values in <${this.startName}> may not contain "<"`;
        return `invalid character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      }
      default:
        return message.replace(/\.$/, '');
    }
  }

  /**
   * saxes only says that the input ended (or that there was no root element). Everything before
   * `settled` was complete, so the culprit is a reference left open (saxes reads "&" up to the next
   * ";"), the construct opened by the first "<" after it, or else the innermost unclosed element.
   */
  private failAtEnd(): never {
    if (this.settled > this.text.length) this.fail('comment is not closed');
    const lt = this.text.indexOf('<', this.settled);
    const bad = this.findBadReference(this.settled, lt === -1 ? this.text.length : lt);
    if (bad) return this.failAt(bad.index, bad.message);
    if (lt !== -1) {
      const unfinished = UNFINISHED.find(([opener]) => this.text.startsWith(opener, lt));
      if (unfinished) {
        const what = this.inDeclaration && lt === 0 ? 'XML declaration' : unfinished[1];
        return this.failAt(lt, `${what} is not closed`);
      }
      const inTag = this.findBadReference(lt, this.text.length);
      if (inTag) return this.failAt(inTag.index, inTag.message);
      return this.failAt(lt, `unexpected end of document inside <${/^<([^\s/>]*)/.exec(this.text.slice(lt))![1]}>`);
    }
    const open = this.stack[this.stack.length - 1];
    if (!open) return this.fail(this.root ? 'unexpected end of document' : 'the document has no root element');
    return this.fail(`unexpected end of document: <${open.qualifiedName}> from line ${open.element.line} is not closed`);
  }

  /** The first "&" in `[from, to)` that does not start a well-formed, known reference. */
  private findBadReference(from: number, to: number): { index: number; message: string } | undefined {
    for (let amp = this.text.indexOf('&', from); amp !== -1 && amp < to; amp = this.text.indexOf('&', amp + 1)) {
      const semi = this.text.indexOf(';', amp);
      const ref = semi === -1 ? '' : this.text.slice(amp + 1, semi);
      const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      let message: string | undefined;
      if (numeric) {
        const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
        if (!isXmlChar(code)) message = `character reference &${ref}; is not an allowed XML character`;
      } else if (ref.startsWith('#')) {
        message = `malformed character reference &${ref};`;
      } else if (REFERENCE_NAME.test(ref)) {
        if (!PREDEFINED_ENTITIES.has(ref)) message = `undefined entity &${ref};`;
      } else {
        message = '"&" must be written as &amp;';
      }
      if (message) return { index: amp, message };
    }
    return undefined;
  }

  /** Fails at saxes's position: its column is 0-based for the next character, so 1-based for this one. */
  private fail(message: string, kind: XmlErrorKind = 'syntax'): never {
    throw new XmlError(kind, message, this.parser.line, this.parser.column);
  }

  private failAt(index: number, message: string): never {
    const { line, column } = position(this.text, index);
    throw new XmlError('syntax', message, line, column);
  }
}

function boundUri(uri: string): string | null {
  return uri === '' || uri.startsWith(UNBOUND) ? null : uri;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Minimal view of the standard TextDecoder, typed here because the build has no DOM or Node types. */
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;

export interface DecodedXml {
  text: string;
  encoding: string;
  /** True when bytes were invalid for the encoding and replaced by U+FFFD. */
  hadInvalidBytes: boolean;
}

/**
 * Decodes manifest bytes: byte-order mark first, then the XML declaration's `encoding`, else UTF-8.
 * Invalid bytes are replaced rather than refused, because real packages often declare UTF-8 and
 * contain Windows-1252 titles; the caller gets `hadInvalidBytes` to warn about it.
 */
export function decodeXmlBytes(bytes: Uint8Array): DecodedXml {
  const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;
  const encoding = sniffEncoding(bytes);
  let decoder: TextDecoderLike;
  try {
    decoder = new Decoder(encoding, { fatal: true });
  } catch {
    throw new XmlError('syntax', `unsupported encoding "${encoding}"`);
  }
  try {
    return { text: stripBom(decoder.decode(bytes)), encoding, hadInvalidBytes: false };
  } catch {
    return { text: stripBom(new Decoder(encoding).decode(bytes)), encoding, hadInvalidBytes: true };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function sniffEncoding(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0x3c && b1 === 0x00) return 'utf-16le';
  if (b0 === 0x00 && b1 === 0x3c) return 'utf-16be';
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i += 1) head += String.fromCharCode(bytes[i]!);
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._\-]+)["']/.exec(head)?.[1];
  return declared ? declared.toLowerCase() : 'utf-8';
}
