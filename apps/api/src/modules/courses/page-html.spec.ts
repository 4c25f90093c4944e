import { sanitizePageHtml } from './page-html';

describe('sanitizePageHtml', () => {
  it('keeps headings, paragraphs, lists, tables and basic formatting', () => {
    const html =
      '<h2>Integritas</h2><p>Bertindak <strong>jujur</strong> dan <em>konsisten</em>.</p>' +
      '<ol start="2"><li>Satu</li><li>Dua</li></ol><ul><li>a</li></ul>' +
      '<table><thead><tr><th scope="col">Level</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>' +
      '<blockquote>kutipan</blockquote><p>H<sub>2</sub>O, x<sup>2</sup>, <u>garis</u>, <s>coret</s></p>';
    expect(sanitizePageHtml(html)).toBe(html);
  });

  it('removes scripts with their content and every event handler', () => {
    const out = sanitizePageHtml('<p onclick="steal()">Hai<script>alert(document.cookie)</script></p><img src="https://x.id/a.png" onerror="steal()">');
    expect(out).toBe('<p>Hai</p><img src="https://x.id/a.png" />');
  });

  it('removes iframes, objects, forms, styles and style or class attributes', () => {
    const out = sanitizePageHtml(
      '<style>p{display:none}</style><iframe src="https://evil.example"></iframe><object data="x"></object>' +
        '<form action="https://evil.example"><input name="nip"></form><p style="color:red" class="x">teks</p>',
    );
    expect(out).toBe('<p>teks</p>');
  });

  it('keeps http, https and mailto links and marks them noopener noreferrer', () => {
    expect(sanitizePageHtml('<a href="https://bkpsdm.semarangkota.go.id" target="_blank">BKPSDM</a>')).toBe(
      '<a href="https://bkpsdm.semarangkota.go.id" target="_blank" rel="noopener noreferrer">BKPSDM</a>',
    );
    expect(sanitizePageHtml('<a href="mailto:admin@semarangkota.go.id" rel="opener">surel</a>')).toBe(
      '<a href="mailto:admin@semarangkota.go.id" rel="noopener noreferrer">surel</a>',
    );
    expect(sanitizePageHtml('<a href="http://x.id">x</a>')).toBe('<a href="http://x.id" rel="noopener noreferrer">x</a>');
  });

  it('drops javascript:, data:, relative and protocol-relative links but keeps their text', () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', 'data:text/html,<script>x</script>', '/admin', '//evil.example', 'vbscript:x']) {
      expect(sanitizePageHtml(`<a href="${href}">klik</a>`)).toBe('<a>klik</a>');
    }
  });

  it('keeps https and inline raster images, drops the others entirely', () => {
    expect(sanitizePageHtml('<img src="https://x.id/a.png" alt="bagan" width="100">')).toBe('<img src="https://x.id/a.png" alt="bagan" width="100" />');
    expect(sanitizePageHtml('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe('<img src="data:image/png;base64,iVBORw0KGgo=" />');
    for (const src of ['http://x.id/a.png', 'javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:text/html;base64,PHNjcmlwdD4=', '/a.png']) {
      expect(sanitizePageHtml(`<p>a<img src="${src}">b</p>`)).toBe('<p>ab</p>');
    }
  });

  it('escapes text so it cannot become markup', () => {
    expect(sanitizePageHtml('<p>1 &lt; 2 &amp;&amp; "x"</p>')).toBe('<p>1 &lt; 2 &amp;&amp; "x"</p>');
    expect(sanitizePageHtml('<p><<script>script>alert(1)<</script>/script></p>')).not.toMatch(/<script/i);
  });

  it('turns plain text or nothing into itself', () => {
    expect(sanitizePageHtml('')).toBe('');
    expect(sanitizePageHtml('Selamat belajar')).toBe('Selamat belajar');
  });
});
