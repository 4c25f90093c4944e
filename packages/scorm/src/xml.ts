/**
 * A small, strict, non-validating XML parser for package manifests.
 *
 * Manifests are small documents from untrusted uploads, so the parser is deliberately narrow:
 * any DOCTYPE or markup declaration is refused before parsing (no external entities, no entity
 * expansion, so no XXE and no billion laughs); only the five predefined entities and character
 * references are expanded; element names are resolved to namespace URIs so callers can match
 * `imsss:objectives` and `adlseq:objectives` apart whatever prefixes the author chose.
 * Unbound prefixes are tolerated (namespace `null`, prefix kept) because authoring tools often
 * forget to declare `adlcp`.
 */

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

const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;
// Control characters XML 1.0 forbids; NUL in particular must never reach a consumer.
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAME = /[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\-:\u00B7\u00C0-\uFFFF]*/y;
const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Throws `XmlError('dtd')` when the text declares a DOCTYPE or entities, even inside a comment. */
export function assertNoDoctype(text: string): void {
  const match = DECLARATION.exec(text);
  if (!match) return;
  const { line, column } = position(text, match.index);
  throw new XmlError(
    'dtd',
    `the document contains a <!${match[1]!.toUpperCase()}> declaration; DTDs and entity declarations are refused`,
    line,
    column,
  );
}

export function parseXml(input: string, options: ParseXmlOptions = {}): XmlDocument {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  assertNoDoctype(text);
  const forbidden = FORBIDDEN_CHAR.exec(text);
  if (forbidden) {
    const { line, column } = position(text, forbidden.index);
    const code = forbidden[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new XmlError('syntax', `invalid character U+${code}`, line, column);
  }
  return new Parser(text, options.maxDepth ?? 256).parseDocument();
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

interface OpenElement {
  readonly element: XmlElement;
  readonly qualifiedName: string;
  readonly scope: ReadonlyMap<string, string>;
}

const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NAMESPACE]]);

class Parser {
  private pos = 0;
  private lineAt = 0;
  private line = 1;
  private readonly namespaceUris = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parseDocument(): XmlDocument {
    if (/^<\?xml[\s?]/.test(this.text)) this.skipUntil('?>', 'XML declaration');
    this.skipMisc();
    if (this.pos >= this.text.length) this.fail('the document has no root element');
    if (this.text[this.pos] !== '<') this.fail('text is not allowed before the root element');
    const root = this.parseElementTree();
    this.skipMisc();
    if (this.pos < this.text.length) {
      this.fail(this.text[this.pos] === '<' ? 'only one root element is allowed' : 'text is not allowed after the root element');
    }
    return { root, namespaceUris: [...this.namespaceUris] };
  }

  /** Whitespace, comments and processing instructions, allowed around the root element. */
  private skipMisc(): void {
    for (;;) {
      while (this.pos < this.text.length && isWhitespace(this.text.charCodeAt(this.pos))) this.pos += 1;
      if (this.text.startsWith('<!--', this.pos)) this.skipUntil('-->', 'comment');
      else if (this.text.startsWith('<?', this.pos)) this.skipProcessingInstruction();
      else return;
    }
  }

  private parseElementTree(): XmlElement {
    const stack: OpenElement[] = [];
    let root: XmlElement | undefined;
    while (this.pos < this.text.length) {
      const top = stack[stack.length - 1];
      if (this.text[this.pos] !== '<') {
        const end = this.text.indexOf('<', this.pos);
        const stop = end === -1 ? this.text.length : end;
        top!.element.text += this.decode(this.text.slice(this.pos, stop), this.pos);
        this.pos = stop;
      } else if (this.text.startsWith('</', this.pos)) {
        this.parseEndTag(stack.pop()!);
        if (stack.length === 0) return root!;
      } else if (this.text.startsWith('<!--', this.pos)) {
        this.skipUntil('-->', 'comment');
      } else if (this.text.startsWith('<![CDATA[', this.pos)) {
        const start = this.pos + '<![CDATA['.length;
        this.skipUntil(']]>', 'CDATA section');
        top!.element.text += this.text.slice(start, this.pos - 3);
      } else if (this.text.startsWith('<?', this.pos)) {
        this.skipProcessingInstruction();
      } else if (this.text.startsWith('<!', this.pos)) {
        this.fail('unexpected markup declaration');
      } else {
        const opened = this.parseStartTag(top?.scope ?? ROOT_SCOPE);
        if (top) top.element.children.push(opened.element);
        else root = opened.element;
        if (opened.selfClosing) {
          if (!top) return root!;
        } else {
          if (stack.length >= this.maxDepth) this.fail(`elements are nested deeper than ${this.maxDepth} levels`);
          stack.push(opened);
        }
      }
    }
    const open = stack[stack.length - 1]!;
    return this.fail(`unexpected end of document: <${open.qualifiedName}> from line ${open.element.line} is not closed`);
  }

  private parseStartTag(parentScope: ReadonlyMap<string, string>): OpenElement & { selfClosing: boolean } {
    const line = this.currentLine();
    this.pos += 1;
    const qualifiedName = this.readName('element name');
    const raw: { name: string; value: string }[] = [];
    let selfClosing = false;
    for (;;) {
      const hadSpace = this.skipWhitespace();
      if (this.text.startsWith('/>', this.pos)) {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (this.text[this.pos] === '>') {
        this.pos += 1;
        break;
      }
      if (this.pos >= this.text.length) this.fail(`unexpected end of document inside <${qualifiedName}>`);
      if (!hadSpace) this.fail(`expected whitespace, ">" or "/>" in <${qualifiedName}>`);
      const name = this.readName('attribute name');
      this.skipWhitespace();
      if (this.text[this.pos] !== '=') this.fail(`attribute "${name}" has no value`);
      this.pos += 1;
      this.skipWhitespace();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`the value of attribute "${name}" must be quoted`);
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end === -1) this.fail(`the value of attribute "${name}" is not closed`);
      const rawValue = this.text.slice(this.pos + 1, end);
      if (rawValue.includes('<')) this.fail(`the value of attribute "${name}" contains "<"`);
      if (raw.some((a) => a.name === name)) this.fail(`attribute "${name}" appears twice in <${qualifiedName}>`);
      // Attribute-value normalisation: literal whitespace becomes a space, character references stay.
      raw.push({ name, value: this.decode(rawValue.replace(/[\t\n\r]/g, ' '), this.pos + 1) });
      this.pos = end + 1;
    }

    const scope = this.declareNamespaces(raw, parentScope);
    const [prefix, name] = splitName(qualifiedName);
    const element: XmlElement = {
      name,
      prefix,
      namespace: prefix === null ? (scope.get('') ?? null) : (scope.get(prefix) ?? null),
      attributes: raw
        .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
        .map((a) => {
          const [attrPrefix, attrName] = splitName(a.name);
          return {
            name: attrName,
            prefix: attrPrefix,
            namespace: attrPrefix === null ? null : (scope.get(attrPrefix) ?? null),
            value: a.value,
          };
        }),
      children: [],
      text: '',
      line,
    };
    return { element, qualifiedName, scope, selfClosing };
  }

  private declareNamespaces(
    attributes: { name: string; value: string }[],
    parentScope: ReadonlyMap<string, string>,
  ): ReadonlyMap<string, string> {
    const declarations = attributes.filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'));
    if (declarations.length === 0) return parentScope;
    const scope = new Map(parentScope);
    for (const { name, value } of declarations) {
      const prefix = name === 'xmlns' ? '' : name.slice('xmlns:'.length);
      const uri = value.trim();
      if (uri === '') scope.delete(prefix);
      else scope.set(prefix, uri);
      if (uri !== '') this.namespaceUris.add(uri);
    }
    return scope;
  }

  private parseEndTag(open: OpenElement): void {
    const start = this.pos;
    this.pos += 2;
    const name = this.readName('end tag name');
    this.skipWhitespace();
    if (this.text[this.pos] !== '>') this.fail(`expected ">" to close </${name}>`);
    if (name !== open.qualifiedName) {
      this.failAt(start, `</${name}> does not match <${open.qualifiedName}> from line ${open.element.line}`);
    }
    this.pos += 1;
  }

  private skipProcessingInstruction(): void {
    const target = /^<\?([^\s?]*)/.exec(this.text.slice(this.pos, this.pos + 64))?.[1] ?? '';
    if (target.toLowerCase() === 'xml') this.fail('the XML declaration is only allowed at the very start of the document');
    this.skipUntil('?>', 'processing instruction');
  }

  private skipUntil(terminator: string, what: string): void {
    const end = this.text.indexOf(terminator, this.pos);
    if (end === -1) this.fail(`${what} is not closed`);
    this.pos = end + terminator.length;
  }

  private skipWhitespace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && isWhitespace(this.text.charCodeAt(this.pos))) this.pos += 1;
    return this.pos > start;
  }

  private readName(what: string): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.text);
    if (!match) this.fail(`invalid ${what}`);
    this.pos += match[0].length;
    return match[0];
  }

  /** Expands character and predefined entity references; `offset` locates errors. */
  private decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
      out += raw.slice(from, amp);
      const semi = raw.indexOf(';', amp);
      const ref = semi === -1 ? '' : raw.slice(amp + 1, semi);
      if (semi === -1 || semi - amp > 12 || ref === '') {
        this.failAt(offset + amp, '"&" must be written as &amp;');
      }
      out += this.expand(ref, offset + amp);
      from = semi + 1;
    }
    return out + raw.slice(from);
  }

  private expand(ref: string, at: number): string {
    if (ref in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[ref]!;
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!numeric) return this.failAt(at, `undefined entity &${ref};`);
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
    const allowed =
      code === 0x9 || code === 0xa || code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return this.failAt(at, `character reference &${ref}; is not an allowed XML character`);
    return String.fromCodePoint(code);
  }

  /** Line of `this.pos`, counted incrementally so element lines stay cheap on large documents. */
  private currentLine(): number {
    for (let i = this.text.indexOf('\n', this.lineAt); i !== -1 && i < this.pos; i = this.text.indexOf('\n', i + 1)) {
      this.line += 1;
      this.lineAt = i + 1;
    }
    return this.line;
  }

  private fail(message: string): never {
    return this.failAt(this.pos, message);
  }

  private failAt(index: number, message: string): never {
    const { line, column } = position(this.text, index);
    throw new XmlError('syntax', message, line, column);
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}

function splitName(qualified: string): [string | null, string] {
  const colon = qualified.indexOf(':');
  return colon <= 0 ? [null, qualified] : [qualified.slice(0, colon), qualified.slice(colon + 1)];
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
