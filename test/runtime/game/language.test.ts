// Playing in another language (docs/localization.md): TEXT evaluates lines
// through the current language's string table, names, verbs and options come
// out translated in the scene, a switch takes effect from the next line, and
// without a table every program behaves exactly as before.

import { describe, expect, it } from 'vitest';
import { compile, type TranslatableString } from '../../../interpreter/compiler/compile.js';
import { Game } from '../../../runtime/game.js';
import { settle } from './support.js';

const SCRIPT = `verbs { look: "Look at", use: "Use" }

actor hero { name: "Robin" }

room harbour {
  name: "The harbour"
  walkable: [(0, 280), (640, 280), (640, 360), (0, 360)]
  object crate {
    name: "crate"
    hotspot: (300, 200, 40, 40)
    on look {
      let n = 3
      say "{n} herring in the crate, {hero.name}."
      say "It smells of the sea."
    }
    on use { choose chat }
  }
}

dialog chat {
  option "Hello." {
    say "Hello to you."
    done
  }
}

on start {
  put hero in harbour at (100, 300)
  go harbour
  say "Where is that boat?"
}
`;

function build(): { strings: TranslatableString[]; game: (lang?: { lang: string; entries: Record<string, string> }) => Game } {
  const { module, strings } = compile([{ file: 'harbour.adv', text: SCRIPT }]);
  return { strings, game: (language) => Game.create(module, language === undefined ? {} : { language }) };
}

const idOf = (strings: TranslatableString[], text: string): string => {
  const s = strings.find((x) => x.text === text);
  if (s === undefined) throw new Error(`no string ${text}`);
  return s.id;
};

function french(strings: TranslatableString[]): Record<string, string> {
  return {
    [idOf(strings, 'Where is that boat?')]: 'Où est ce bateau ?',
    [idOf(strings, '{n} herring in the crate, {hero.name}.')]: '{hero.name}, il y a {n} harengs dans la caisse.',
    [idOf(strings, 'crate')]: 'caisse',
    [idOf(strings, 'Look at')]: 'Regarder',
    [idOf(strings, 'Hello.')]: 'Bonjour.',
  };
}

describe('a game in another language', () => {
  it('shows lines, names and verbs from the string table, placeholders filled by name in the translator\'s order', () => {
    const { strings, game: make } = build();
    const game = make({ lang: 'fr', entries: french(strings) });
    settle(game);
    expect(game.language).toBe('fr');
    expect(game.said[0]).toEqual({ actor: 'hero', text: 'Où est ce bateau ?', id: idOf(strings, 'Where is that boat?'), source: 'Where is that boat?' });
    game.input({ type: 'verb', verb: 'look', target: 'crate' });
    game.tick();
    const scene = game.scene();
    expect(scene.speech[0]!.text).toBe('Robin, il y a 3 harengs dans la caisse.');
    expect(scene.speech[0]!.id).toBe(idOf(strings, '{n} herring in the crate, {hero.name}.'));
    expect(scene.verbs.map((v) => v.label)).toEqual(['Regarder', 'Use']);
    settle(game);
    // An untranslated line shows its source text.
    expect(game.said.at(-1)!.text).toBe('It smells of the sea.');
  });

  it('without a table behaves exactly as the source: the same lines, the same timing', () => {
    const { game: make } = build();
    const plain = make();
    const english = make({ lang: 'en', entries: {} });
    settle(plain);
    settle(english);
    expect(english.said).toEqual(plain.said);
    expect(english.tickCount).toBe(plain.tickCount);
    expect(plain.said[0]!.text).toBe('Where is that boat?');
  });

  it('switches language mid-line: the line showing stays, the next one is in the new language', () => {
    const { strings, game: make } = build();
    const game = make();
    game.tick();
    expect(game.scene().speech[0]!.text).toBe('Where is that boat?');
    game.setLanguage('fr', { lang: 'fr', entries: french(strings) });
    game.tick();
    expect(game.scene().speech[0]!.text).toBe('Where is that boat?');
    expect(game.scene().verbs[0]!.label).toBe('Regarder');
    settle(game);
    game.input({ type: 'verb', verb: 'look', target: 'crate' });
    game.tick();
    expect(game.scene().speech[0]!.text).toBe('Robin, il y a 3 harengs dans la caisse.');
    expect(() => game.setLanguage('de', { lang: 'fr', entries: {} })).toThrow(/string table of "fr"/);
  });

  it('translates dialog options in the scene; a save made in one language loads and plays in another', () => {
    const { strings, game: make } = build();
    const game = make({ lang: 'fr', entries: french(strings) });
    settle(game);
    game.input({ type: 'verb', verb: 'use', target: 'crate' });
    game.tick();
    expect(game.scene().dialog?.options).toEqual(['Bonjour.']);
    const saved = game.save();
    const other = make();
    other.load(saved);
    expect(other.language).toBe('en');
    expect(other.scene().dialog?.options).toEqual(['Hello.']);
    other.input({ type: 'choose', option: 1 });
    other.tick();
    expect(other.scene().speech[0]!.text).toBe('Hello to you.');
  });
});

describe('plural()', () => {
  const script = 'var n = 0\n\non start {\n  for k in [1, 2, 5, 22] {\n    n = k\n    say plural(n, "One coin.", "{n} coins.")\n  }\n}\n';

  function lines(language?: { lang: string; entries: Record<string, string | string[]> }): string[] {
    const { module, strings } = compile([{ file: 'coins.adv', text: script }]);
    expect(strings.map((s) => [s.text, s.plural])).toEqual([['One coin.', '{n} coins.']]);
    const entries = language === undefined ? undefined : { lang: language.lang, entries: { [strings[0]!.id]: language.entries.forms! } };
    const game = Game.create(module, entries === undefined ? {} : { language: entries });
    settle(game);
    return game.said.map((l) => l.text);
  }

  it('takes the source forms by the scripts\' language without a translation', () => {
    expect(lines()).toEqual(['One coin.', '2 coins.', '5 coins.', '22 coins.']);
  });

  it('takes each language\'s form by its CLDR rules, forms listed in the order one, few, many (Polish)', () => {
    expect(lines({ lang: 'pl', entries: { forms: ['{n} moneta.', '{n} monety.', '{n} monet.', '{n} monety (ułamek).'] } })).toEqual(['1 moneta.', '2 monety.', '5 monet.', '22 monety.']);
  });

  it('uses the last form for categories a translation has no form for', () => {
    expect(lines({ lang: 'fr', entries: { forms: ['{n} pièce.', '{n} pièces.'] } })).toEqual(['1 pièce.', '2 pièces.', '5 pièces.', '22 pièces.']);
  });
});

describe('voiced lines', () => {
  it('show their voice in the scene and last exactly as long as it, in the language played', () => {
    const { module, strings } = compile([{ file: 'harbour.adv', text: SCRIPT }]);
    const id = idOf(strings, 'Where is that boat?');
    const voices = { fr: { [id]: { asset: `voice/fr/${id}.ogg`, ms: 2500 } } };
    const fr = Game.create(module, { voices, language: { lang: 'fr', entries: french(strings) } });
    fr.tick();
    expect(fr.scene().speech[0]).toMatchObject({ id, text: 'Où est ce bateau ?', voice: { asset: `voice/fr/${id}.ogg`, ms: 2500 } });
    let ticks = 1;
    while (fr.scene().speech.length > 0) {
      fr.tick();
      ticks++;
    }
    expect(ticks).toBe(150 + 1); // 2.5 s at 60 ticks a second, then the tick that ends it
    // In English the line has no voice: it shows for its usual time.
    const en = Game.create(module, { voices });
    en.tick();
    expect(en.scene().speech[0]!.voice).toBeUndefined();
  });
});
