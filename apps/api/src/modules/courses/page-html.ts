import sanitizeHtml from 'sanitize-html';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TEXT = ['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'div', 'span', 'figure', 'figcaption'];
const FORMATTING = ['strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small'];
const LISTS = ['ul', 'ol', 'li'];
const TABLES = ['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

const LINK = /^(https?:|mailto:)/i;
/** Raster images only: an SVG can carry script, and a data: URL of another type is not an image. */
const IMAGE = /^(https:|data:image\/(png|jpe?g|gif|webp);base64,)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...HEADINGS, ...TEXT, ...FORMATTING, ...LISTS, ...TABLES, 'a', 'img'],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  allowProtocolRelative: false,
  // Scripts, styles and the like go with their content; other unknown tags leave their text.
  disallowedTagsMode: 'discard',
  transformTags: {
    // Relative and fragment links are dropped too: a page is shown inside a portal, where they would mislead.
    a: (tagName, attribs) => {
      const { href, title, target } = attribs;
      const kept: sanitizeHtml.Attributes = {};
      if (href && LINK.test(href.trim())) kept.href = href.trim();
      if (title) kept.title = title;
      if (target === '_blank') kept.target = '_blank';
      if (kept.href) kept.rel = 'noopener noreferrer';
      return { tagName, attribs: kept };
    },
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src && IMAGE.test(src.trim()) ? { src: src.trim(), ...rest } : rest };
    },
  },
  // An image whose source was refused is nothing but an empty box.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * Cleans the rich text of a page activity before it is stored: headings, paragraphs, lists,
 * links (http, https, mailto; always `rel="noopener noreferrer"`), images (https or inline
 * raster data), tables and basic formatting stay; scripts, event handlers, iframes, forms,
 * styles and classes go.
 */
export function sanitizePageHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
