// Choosing the language a player gets (worker/choose-language.ts), the
// desktop's language from its environment (player/desktop/pages.ts), the
// right-to-left marks PixiJS text is given (render/fonts.ts) and key V.

import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../player/web/worker/choose-language.js';
import { desktopLanguage, withDesktopScript } from '../../../player/desktop/pages.js';
import { bidiText, isRightToLeft } from '../../../player/web/render/fonts.js';
import { actionForKey } from '../../../player/web/input/actions.js';

describe('the language a player gets', () => {
  it('is the first of the player\'s the game offers, exactly or by its primary subtag, else the default', () => {
    expect(chooseLanguage(['fr'], ['en', 'fr'], 'en')).toBe('fr');
    expect(chooseLanguage(['de-DE', 'fr-CA', 'en'], ['en', 'fr'], 'en')).toBe('fr');
    expect(chooseLanguage(['pt'], ['en', 'pt-BR'], 'en')).toBe('pt-BR');
    expect(chooseLanguage(['pt_BR'], ['en', 'pt-PT', 'pt-BR'], 'en')).toBe('pt-BR');
    expect(chooseLanguage(['ja', 'de'], ['en', 'fr'], 'en')).toBe('en');
    expect(chooseLanguage([], ['en', 'fr'], 'fr')).toBe('fr');
    expect(chooseLanguage(['FR'], ['en', 'fr'], 'en')).toBe('fr');
  });

  it('on the desktop comes from LC_ALL, LC_MESSAGES or LANG, and reaches the page escaped', () => {
    expect(desktopLanguage({ LANG: 'fr_FR.UTF-8' })).toBe('fr-FR');
    expect(desktopLanguage({ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'de_AT.UTF-8' })).toBe('de-AT');
    expect(desktopLanguage({ LC_ALL: 'ar_EG@latn', LANG: 'en_US' })).toBe('ar-EG');
    expect(desktopLanguage({ LANG: 'C.UTF-8' })).toBeNull();
    expect(desktopLanguage({ LANG: 'POSIX' })).toBeNull();
    expect(desktopLanguage({})).toBeNull();
    expect(withDesktopScript('<head><script src="a.js"></script></head>', 'fr-FR')).toContain('<meta name="cairn-desktop-lang" content="fr-FR"><script type="module"');
    expect(withDesktopScript('<head></head>', '"><x')).not.toContain('"><x');
  });
});

describe('right-to-left text', () => {
  it('knows the languages written right to left', () => {
    for (const lang of ['ar', 'he', 'fa', 'ur', 'ar-EG']) expect(isRightToLeft(lang)).toBe(true);
    for (const lang of ['en', 'fr', 'zh-Hant', 'ru']) expect(isRightToLeft(lang)).toBe(false);
  });

  it('gives every neutral at a word edge a right-to-left context, and leaves other text alone', () => {
    expect(bidiText('مرحبا بك.', true)).toBe('\u200fمرحبا\u200f \u200fبك.\u200f');
    expect(bidiText('Hello there.', false)).toBe('Hello there.');
    expect(bidiText('', true)).toBe('');
  });
});

describe('key V', () => {
  it('turns self-voicing on and off, with or without Shift', () => {
    expect(actionForKey('v', false)).toEqual({ type: 'self-voicing' });
    expect(actionForKey('V', true)).toEqual({ type: 'self-voicing' });
  });
});
