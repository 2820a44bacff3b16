// A walkthrough checked against the game's declarations without playing it,
// for the editor: the walkthrough parser's own errors, then every name a
// step uses that the scripts never declare (a verb, an object or actor, a
// room, a dialog option's text), with "did you mean". The names also become
// references, so rename and find-references reach `.walk` files.

import { CairnError, isCairnError, type Span } from '../../interpreter/errors.js';
import { didYouMean } from '../../interpreter/edit-distance.js';
import { parseWalkthrough } from '../../runtime/walkthrough/parse.js';
import { keys, type ProjectIndex, type SymbolKind } from './project-index.js';

/** The walkthrough's problems; adds its name uses to `index.references`. Without an index (no scripts) only its syntax is checked. */
export function checkWalkthrough(text: string, file: string, index: ProjectIndex | undefined): CairnError[] {
  let steps;
  try {
    steps = parseWalkthrough(text, file).steps;
  } catch (e) {
    if (!isCairnError(e)) throw e;
    return e.all();
  }
  if (!index) return [];
  const problems: CairnError[] = [];
  const hasVerbs = index.all('verb').length > 0;
  for (const step of steps) {
    // Names are found left to right after the command's own words.
    let from = 0;
    const name = (word: string, kinds: SymbolKind[], what: string) => {
      const at = wordIn(step.source, word, from);
      from = at + word.length;
      const span = spanAt(step.span, at, word.length);
      const decl = index.declaration(keys.global(word));
      if (decl && kinds.includes(decl.kind)) {
        index.references.push({ key: decl.key, span });
        return;
      }
      const candidates = kinds.flatMap((k) => index.all(k).map((d) => d.name));
      const message = decl ? `\`${word}\` is ${article(decl.kind)} ${decl.kind}, not ${what}.` : `There is no ${what} called \`${word}\`.`;
      problems.push(new CairnError('UNKNOWN_ENTITY', message, { span, hint: didYouMean(word, candidates) }));
    };
    switch (step.command) {
      case 'do': {
        const at = wordIn(step.source, step.args.verb, 2);
        from = at + step.args.verb.length;
        const span = spanAt(step.span, at, step.args.verb.length);
        if (index.declaration(keys.verb(step.args.verb))) index.references.push({ key: keys.verb(step.args.verb), span });
        // `walk` is the player's own verb: every game takes it (runtime/world/input-check.ts).
        else if (hasVerbs && step.args.verb !== 'walk') {
          const verbs = index.all('verb').map((v) => v.name);
          problems.push(new CairnError('UNKNOWN_VERB', `There is no verb \`${step.args.verb}\`.`, { span, hint: didYouMean(step.args.verb, verbs) ?? `the verbs are ${verbs.map((v) => `\`${v}\``).join(', ')}` }));
        }
        name(step.args.target, ['object', 'actor'], 'an object or actor');
        if (step.args.with !== undefined) name(step.args.with, ['object', 'actor'], 'an object or actor');
        break;
      }
      case 'expect room':
        name(step.args.room, ['room'], 'a room');
        break;
      case 'expect has':
      case 'expect not has':
        name(step.args.object, ['object'], 'an object');
        break;
      case 'expect at':
        name(step.args.actor, ['actor'], 'an actor');
        break;
      case 'expect said':
        if (step.args.actor !== undefined) name(step.args.actor, ['actor'], 'an actor');
        break;
      case 'choose':
        if ('text' in step.args && !index.dynamicOptions && !index.optionTexts.has(step.args.text)) {
          const quoted = step.source.indexOf('"');
          problems.push(
            new CairnError('WALKTHROUGH_FAILED', `No dialog has an option "${step.args.text}".`, {
              span: spanAt(step.span, quoted, step.source.length - quoted),
              hint: didYouMean(step.args.text, index.optionTexts) ?? 'an option is chosen by its text exactly as the script writes it',
            }),
          );
        }
        break;
      default:
        break;
    }
  }
  return problems;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}

/** Where `word` stands as a whole word in `text` at or after `from`. */
function wordIn(text: string, word: string, from: number): number {
  const re = new RegExp(`(?<![A-Za-z0-9_])${word}(?![A-Za-z0-9_])`, 'g');
  re.lastIndex = from;
  return re.exec(text)?.index ?? from;
}

/** A span `length` long, `at` characters into a one-line span. */
function spanAt(line: Span, at: number, length: number): Span {
  const start = { offset: line.start.offset + at, line: line.start.line, column: line.start.column + at };
  return { source: line.source, start, end: { offset: start.offset + length, line: start.line, column: start.column + length } };
}
