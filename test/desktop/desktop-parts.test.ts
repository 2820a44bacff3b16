// The small rules the desktop integration rests on: which request paths
// exist, how $BROWSER is read, how an Exec line is quoted, how
// mimeapps.list is edited, and what the MIME package says.

import { describe, expect, it } from 'vitest';
import { browserCommands, windowSizeFor } from '../../player/desktop/browser.js';
import { defaultApps, removeApp, setDefaultApp } from '../../player/desktop/mimeapps-list.js';
import { escapeHtml, withDesktopScript } from '../../player/desktop/pages.js';
import { parseRequestTarget } from '../../player/desktop/request-path.js';
import { desktopEntry, mimePackageXml, quoteExecArg } from '../../player/desktop/xdg-install.js';

describe('request targets', () => {
  it('decodes once and keeps clean paths', () => {
    expect(parseRequestTarget('/')?.path).toBe('/');
    expect(parseRequestTarget('/assets/app-1a2b.js?v=1')?.path).toBe('/assets/app-1a2b.js');
    expect(parseRequestTarget('/saves/')?.path).toBe('/saves/');
    expect(parseRequestTarget('/a%20b.png')?.path).toBe('/a b.png');
    expect(parseRequestTarget('/?key=abc')?.query.get('key')).toBe('abc');
  });

  it('refuses dot segments, encoded or not, backslashes, NUL, double encoding and non-origin forms', () => {
    const refused = ['/..', '/../x', '/a/../b', '/%2e%2e/x', '/%2E%2e%2fx', '/.%2e/x', '/./x', '/a/.', '//x', '/a//b', '/a\\b', '/%5c..', '/a%00', '/a\0', '/%252e%252e/x', '/%zz', '/%c0%ae', 'x', '*', 'http://127.0.0.1/x', ''];
    for (const target of refused) expect({ target, parsed: parseRequestTarget(target) }).toEqual({ target, parsed: undefined });
    expect(parseRequestTarget(undefined)).toBeUndefined();
  });
});

describe('$BROWSER', () => {
  const url = 'http://127.0.0.1:4000/?key=k';
  it('is a colon-separated list; %s takes the address, else it is appended, always as one argument', () => {
    expect(browserCommands('firefox', url)).toEqual([['firefox', url]]);
    expect(browserCommands('firefox --new-window %s:/opt/my browser/run', url)).toEqual([
      ['firefox', '--new-window', url],
      ['/opt/my', 'browser/run', url],
    ]);
    expect(browserCommands('w3m -o %%s %s', url)).toEqual([['w3m', '-o', '%s', url]]);
    expect(browserCommands(': :', url)).toEqual([]);
  });

  it('sizes the window to a whole-number scale of the game', () => {
    expect(windowSizeFor([640, 360])).toEqual([1280, 720]);
    expect(windowSizeFor([320, 200])).toEqual([1280, 800]);
    expect(windowSizeFor([1920, 1080])).toEqual([1920, 1080]);
  });
});

describe('freedesktop files', () => {
  it('quotes Exec arguments by the desktop-entry spec only when they need it', () => {
    expect(quoteExecArg('/usr/bin/node')).toBe('/usr/bin/node');
    expect(quoteExecArg('/home/ann/my games/bin/cairn.js')).toBe('"/home/ann/my games/bin/cairn.js"');
    expect(quoteExecArg('/opt/100%/x')).toBe('/opt/100%%/x');
    // the spec escapes `"` inside quotes with a backslash, then every backslash again as a string value
    expect(quoteExecArg('/a "b"')).toBe('"/a \\\\"b\\\\""');
    const entry = desktopEntry('/usr/bin/node', '/opt/cairn/bin/cairn.js');
    expect(entry).toContain('\nExec=/usr/bin/node /opt/cairn/bin/cairn.js play %f\n');
    expect(entry).toContain('\nMimeType=application/x-cairn-bundle;\n');
  });

  it('knows *.cairn by name and by the mimetype entry at offset 30, as EPUB does', () => {
    const xml = mimePackageXml();
    expect(xml).toContain('<glob pattern="*.cairn"/>');
    expect(xml).toContain('<match type="string" value="PK\\003\\004" offset="0">');
    expect(xml).toContain('<match type="string" value="mimetypeapplication/x-cairn-bundle" offset="30"/>');
    expect(xml).toContain('<sub-class-of type="application/zip"/>');
  });

  it('edits mimeapps.list without disturbing other lines', () => {
    const before = '[Default Applications]\ntext/plain=gedit.desktop\n\n[Added Associations]\nimage/png=eog.desktop;\n';
    const set = setDefaultApp(before, 'application/x-cairn-bundle', 'cairn.desktop');
    expect(set).toBe(
      '[Default Applications]\ntext/plain=gedit.desktop\napplication/x-cairn-bundle=cairn.desktop;\n\n[Added Associations]\nimage/png=eog.desktop;\napplication/x-cairn-bundle=cairn.desktop;\n',
    );
    expect(setDefaultApp(set, 'application/x-cairn-bundle', 'cairn.desktop')).toBe(set);
    expect(defaultApps(set, 'application/x-cairn-bundle')).toEqual(['cairn.desktop']);
    expect(removeApp(set, 'application/x-cairn-bundle', 'cairn.desktop')).toBe(before);
    // xdg-mime writes the line without a trailing `;`; another app in the list stays
    expect(removeApp('[Default Applications]\napplication/x-cairn-bundle=cairn.desktop\n', 'application/x-cairn-bundle', 'cairn.desktop')).toBe('[Default Applications]\n');
    expect(removeApp('[Added Associations]\napplication/x-cairn-bundle=other.desktop;cairn.desktop;\n', 'application/x-cairn-bundle', 'cairn.desktop')).toBe('[Added Associations]\napplication/x-cairn-bundle=other.desktop;\n');
    expect(setDefaultApp('', 'a/b', 'c.desktop')).toBe('[Default Applications]\na/b=c.desktop;\n\n[Added Associations]\na/b=c.desktop;\n');
  });
});

describe('pages', () => {
  it('puts the desktop script before the page\'s first script (after a CSP meta), and escapes text', () => {
    const tag = '<script type="module" src="/cairn-desktop.js"></script>';
    expect(withDesktopScript('<head><meta http-equiv="Content-Security-Policy" content="x"><script src="a.js"></script></head>')).toBe(`<head><meta http-equiv="Content-Security-Policy" content="x">${tag}<script src="a.js"></script></head>`);
    expect(withDesktopScript('<html><head><title>x</title></head></html>')).toBe(`<html><head><title>x</title>${tag}</head></html>`);
    expect(withDesktopScript('<p>bare</p>')).toBe(`${tag}<p>bare</p>`);
    expect(escapeHtml('<img src=x onerror="a()">&\'')).toBe('&#60;img src=x onerror=&#34;a()&#34;&#62;&#38;&#39;');
  });
});
