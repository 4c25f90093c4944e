import { decodeXmlBytes, parseXml, XML_NAMESPACE, XmlError } from './xml';

function parseError(text: string): XmlError {
  try {
    parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('parseXml', () => {
  it('resolves prefixes to namespace URIs, whatever the prefix is called', () => {
    const { root, namespaceUris } = parseXml(
      `<m xmlns="urn:cp" xmlns:ss="urn:imsss"><ss:sequencing ID="a"/><item/><x:y xmlns:x="urn:other"/></m>`,
    );
    expect(root).toMatchObject({ name: 'm', prefix: null, namespace: 'urn:cp' });
    expect(root.children.map((c) => [c.prefix, c.name, c.namespace])).toEqual([
      ['ss', 'sequencing', 'urn:imsss'],
      [null, 'item', 'urn:cp'],
      ['x', 'y', 'urn:other'],
    ]);
    expect(root.children[0]!.attributes).toEqual([{ name: 'ID', prefix: null, namespace: null, value: 'a' }]);
    expect(namespaceUris).toEqual(['urn:cp', 'urn:imsss', 'urn:other']);
  });

  it('keeps unbound prefixes instead of failing, as sloppy authoring tools produce them', () => {
    const { root } = parseXml('<resource adlcp:scormtype="sco"><adlcp:masteryscore>80</adlcp:masteryscore></resource>');
    expect(root.attributes[0]).toEqual({ name: 'scormtype', prefix: 'adlcp', namespace: null, value: 'sco' });
    expect(root.children[0]).toMatchObject({ name: 'masteryscore', prefix: 'adlcp', namespace: null, text: '80' });
  });

  it('binds xml:base to the XML namespace', () => {
    const { root } = parseXml('<r xml:base="content/"/>');
    expect(root.attributes[0]).toMatchObject({ name: 'base', namespace: XML_NAMESPACE, value: 'content/' });
  });

  it('expands predefined entities and character references, in text and attributes', () => {
    const { root } = parseXml(`<a href="x.html?a=1&amp;b=&#50;" t='&quot;q&apos;'>&lt;b&gt; &#x263A; <![CDATA[<raw & kept>]]></a>`);
    expect(root.attributes.map((a) => a.value)).toEqual(['x.html?a=1&b=2', `"q'`]);
    expect(root.text).toBe('<b> \u263a <raw & kept>');
  });

  it('normalises whitespace in attribute values and accepts spaces around "="', () => {
    const { root } = parseXml('<a b = "one\n   two\ttab" />');
    expect(root.attributes[0]!.value).toBe('one    two tab');
  });

  it('skips comments, processing instructions and the XML declaration, and records lines', () => {
    const { root } = parseXml('<?xml version="1.0" standalone="no" ?>\n<!-- c -->\n<?pi x?>\n<a>\n  <b/>\n</a>\n<!-- after -->\n');
    expect(root.line).toBe(4);
    expect(root.children[0]!.line).toBe(5);
  });

  it('strips a byte-order mark', () => {
    expect(parseXml('\ufeff<a/>').root.name).toBe('a');
  });

  describe('refuses DTDs before parsing', () => {
    it.each([
      ['an internal entity (billion laughs)', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>'],
      ['an external entity (XXE)', '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>'],
      ['a plain DOCTYPE', '<!DOCTYPE manifest SYSTEM "manifest.dtd"><manifest/>'],
      ['a lower-case doctype', '<!doctype manifest><manifest/>'],
      ['an entity declaration without DOCTYPE', '<a><!ENTITY x "y"></a>'],
    ])('%s', (_, text) => {
      const error = parseError(text);
      expect(error.kind).toBe('dtd');
      expect(error.message).toMatch(/DTDs and entity declarations are refused/);
    });
  });

  describe('refuses malformed documents with the position and the reason', () => {
    it.each([
      ['a mismatched end tag', '<a>\n<b></a>', /line 2, column 4: <\/a> does not match <b> from line 2/],
      ['an unclosed element', '<a><b>', /<b> from line 1 is not closed/],
      ['an unquoted attribute', '<a b=c/>', /must be quoted/],
      ['a duplicate attribute', '<a b="1" b="2"/>', /attribute "b" appears twice/],
      ['a bare ampersand', '<a href="x?a=1&b=2"/>', /"&" must be written as &amp;/],
      ['an undefined entity', '<a>&nbsp;</a>', /undefined entity &nbsp;/],
      ['two root elements', '<a/><b/>', /only one root element/],
      ['text after the root', '<a/>junk', /text is not allowed after the root element/],
      ['an empty document', '  ', /no root element/],
      ['a NUL character', '<a>\u0000</a>', /invalid character U\+0000/],
      ['a forbidden character reference', '<a>&#0;</a>', /not an allowed XML character/],
      ['a late XML declaration', '<a><?xml version="1.0"?></a>', /only allowed at the very start/],
      ['an unclosed comment', '<a><!-- x </a>', /comment is not closed/],
      ['missing whitespace between attributes', '<a b="1"c="2"/>', /expected whitespace/],
    ])('%s', (_, text, message) => {
      const error = parseError(text);
      expect(error.kind).toBe('syntax');
      expect(error.message).toMatch(message);
    });

    it('nesting deeper than the limit', () => {
      expect(() => parseXml('<a>'.repeat(5) + '</a>'.repeat(5), { maxDepth: 4 })).toThrow(/nested deeper than 4 levels/);
    });
  });
});

describe('parseXml on saxes', () => {
  it('keeps different unbound prefixes apart and never reports them as a namespace', () => {
    const { root } = parseXml('<r p:a="1" q:a="2"><p:x/></r>');
    expect(root.attributes.map((a) => [a.prefix, a.name, a.namespace])).toEqual([
      ['p', 'a', null],
      ['q', 'a', null],
    ]);
    expect(root.children[0]).toMatchObject({ prefix: 'p', name: 'x', namespace: null });
    expect(parseError('<r p:a="1" p:a="2"/>').message).toMatch(/attribute "p:a" appears twice in <r>/);
  });

  it('gives a start tag the line of its "<", also when the name is followed by a line break', () => {
    const { root } = parseXml('<?xml version="1.0"?>\r\n<manifest\r\n  identifier="m">\r\n  <organizations\n/></manifest>');
    expect(root.line).toBe(2);
    expect(root.children[0]!.line).toBe(4);
  });

  it('normalises line breaks in text and attribute values, as XML requires', () => {
    const { root } = parseXml('<a b="x\r\ny">one\r\ntwo\rthree</a>');
    expect(root.attributes[0]!.value).toBe('x y');
    expect(root.text).toBe('one\ntwo\nthree');
  });

  it('accepts a sloppy XML declaration, whose contents are not used', () => {
    expect(parseXml('<?xml encoding="UTF-8"?><a/>').root.name).toBe('a');
    expect(parseXml('<?xml version="1.0" standalone="maybe"?>\n<a/>').root.line).toBe(2);
  });

  it.each([
    ['an unclosed XML declaration', '<?xml version="1.0"', /XML declaration is not closed/],
    ['an unclosed CDATA section', '<a><![CDATA[x</a>', /CDATA section is not closed/],
    ['an unclosed processing instruction', '<a><?pi x</a>', /processing instruction is not closed/],
    ['a comment ending at "--"', '<a/><!-- x --', /comment is not closed/],
    ['an unclosed start tag', '<a>\n<b c="1"', /line 2, column 1: unexpected end of document inside <b>/],
    ['a bare ampersand in text', '<a>x & y</a>', /line 1, column 6: "&" must be written as &amp;/],
    ['a bare ampersand before a later ";"', '<a>x & y;</a>', /line 1, column 6: "&" must be written as &amp;/],
    ['a malformed character reference', '<a>&#1a;</a>', /malformed character reference &#1a;/],
    ['an undefined entity named like an Object property', '<a>&constructor;</a>', /undefined entity &constructor;/],
    ['"--" inside a comment', '<a><!-- x -- y --></a>', /comments may not contain "--"/],
    ['"<" in an attribute value', '<a b="<"/>', /may not contain "<"/],
    ['a forbidden character in a comment', '<a><!-- \u0001 --></a>', /invalid character U\+0001/],
    ['a control character in an XML 1.1 document', '<?xml version="1.1"?><a>&#1;</a>', /not an allowed XML character/],
  ])('refuses %s', (_, text, message) => {
    const error = parseError(text);
    expect(error.kind).toBe('syntax');
    expect(error.message).toMatch(message);
  });

  it('accepts a self-closing element one level below the depth limit, as before', () => {
    expect(parseXml('<a>'.repeat(4) + '<b/>' + '</a>'.repeat(4), { maxDepth: 4 }).root.name).toBe('a');
  });
});

describe('decodeXmlBytes', () => {
  it('decodes UTF-8 by default and drops a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<a>Pelatihan ASN – ü</a>')]);
    expect(decodeXmlBytes(bytes)).toEqual({ text: '<a>Pelatihan ASN – ü</a>', encoding: 'utf-8', hadInvalidBytes: false });
  });

  it('detects UTF-16 from the byte-order mark', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a>ü</a>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeXmlBytes(bytes).text).toBe(text);
  });

  it('honours a declared single-byte encoding', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>', 'latin1');
    expect(decodeXmlBytes(bytes).text).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>');
  });

  it('replaces bytes that are not valid UTF-8 and says so', () => {
    const bytes = Buffer.from('<a>caf\xe9</a>', 'latin1');
    expect(decodeXmlBytes(bytes)).toEqual({ text: '<a>caf\ufffd</a>', encoding: 'utf-8', hadInvalidBytes: true });
  });

  it('refuses an encoding it cannot decode', () => {
    expect(() => decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'))).toThrow(/unsupported encoding "x-klingon"/);
  });
});
