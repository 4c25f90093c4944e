import { appendLaunchParameters, entryNameOf, normalisePath, resolveHref } from './package-paths';

describe('appendLaunchParameters (SCORM CAM rules)', () => {
  it.each([
    ['page.html', '?questions=Playing', 'page.html?questions=Playing'],
    ['page.html', 'a=1', 'page.html?a=1'],
    ['page.html', '&a=1', 'page.html?a=1'],
    ['page.html', '??&a=1', 'page.html?a=1'],
    ['page.html?content=x', '?a=1', 'page.html?content=x&a=1'],
    ['page.html?content=x', '&a=1', 'page.html?content=x&a=1'],
    ['page.html?', 'a=1', 'page.html?a=1'],
    ['page.html', '#chapter2', 'page.html#chapter2'],
    ['page.html?x=1', '#chapter2', 'page.html?x=1#chapter2'],
    ['page.html#intro', '#chapter2', 'page.html#intro'],
    ['page.html#intro', '?a=1', 'page.html?a=1#intro'],
    ['page.html?x=1#intro', 'a=1', 'page.html?x=1&a=1#intro'],
    ['page.html', '', 'page.html'],
    ['page.html', '  ', 'page.html'],
    ['page.html', null, 'page.html'],
  ])('%s + %j → %s', (href, parameters, expected) => {
    expect(appendLaunchParameters(href, parameters)).toBe(expected);
  });
});

describe('resolveHref', () => {
  it('applies the xml:base chain, taking every base as a folder', () => {
    expect(resolveHref(['course/', 'sco1/'], 'index.html?x=1')).toEqual({ kind: 'package', href: 'course/sco1/index.html?x=1' });
    expect(resolveHref(['course', '', 'sco1'], 'index.html')).toEqual({ kind: 'package', href: 'course/sco1/index.html' });
    expect(resolveHref([], './a//b/../c.html')).toEqual({ kind: 'package', href: 'a/c.html' });
  });

  it('lets ".." climb within the package but not above it', () => {
    expect(resolveHref(['content/'], '../shared/x.js')).toEqual({ kind: 'package', href: 'shared/x.js' });
    expect(resolveHref(['content/'], '../../etc/passwd')).toEqual({ kind: 'outside', href: 'content/../../etc/passwd' });
  });

  it('treats rooted paths as outside and absolute URLs as external', () => {
    expect(resolveHref([], '/etc/passwd').kind).toBe('outside');
    expect(resolveHref([], 'C:\\content\\a.html').kind).toBe('outside');
    expect(resolveHref(['content/'], 'https://cdn.example.org/sco/index.html')).toEqual({
      kind: 'external',
      href: 'https://cdn.example.org/sco/index.html',
    });
    expect(resolveHref(['https://cdn.example.org/sco'], 'index.html')).toEqual({ kind: 'external', href: 'https://cdn.example.org/sco/index.html' });
  });

  it('turns Windows separators in hrefs into slashes', () => {
    expect(resolveHref([], 'content\\page.html')).toEqual({ kind: 'package', href: 'content/page.html' });
  });
});

describe('entryNameOf', () => {
  it('drops the query and fragment and percent-decodes each segment', () => {
    expect(entryNameOf('Modul%201/Hal%C3%A1man.html?x=%20#top')).toBe('Modul 1/Haláman.html');
    expect(entryNameOf('100%/a.html')).toBe('100%/a.html');
  });
});

describe('normalisePath', () => {
  it('keeps a trailing slash and returns null above the root', () => {
    expect(normalisePath('a/b/')).toBe('a/b/');
    expect(normalisePath('a/../..')).toBeNull();
  });
});
