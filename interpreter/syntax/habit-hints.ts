// Hints for habits from other languages that Cairn spells differently: `!x`,
// `a && b`, `a || b`, 'single quotes', `elif`/`elsif`, `x++`, a C-style `for`,
// and two statements on one line. The syntax error explainer asks here when
// a failure sits on a token one of these habits leaves behind.

import type { Found, Token } from './source-scan.js';

/** The hint for a failure at `found` (after `prev`), when it looks like a habit from another language. */
export function habitHint(text: string, found: Found, prev: Token | undefined): string | undefined {
  const next = text[found.start + 1];
  if (found.kind === 'punct') {
    switch (found.text) {
      case '!':
        return 'Cairn writes `not x`, not `!x` (and `!=` for "not equal")';
      case '&':
        return next === '&' ? 'Cairn writes `a and b`, not `a && b`' : undefined;
      case '|':
        return next === '|' ? 'Cairn writes `a or b`, not `a || b`' : undefined;
      case "'":
        return 'strings are written in double quotes: "text"';
      case '+':
      case '-':
        return prev?.kind === 'punct' && prev.text === found.text && prev.end === found.start
          ? `Cairn has no \`${found.text}${found.text}\`: write \`x ${found.text}= 1\``
          : undefined;
      case '(':
        return prev?.kind === 'word' && prev.text === 'for' ? 'a `for` loop reads `for i in 0..3 { … }` (or `for item in list { … }`), without parentheses' : undefined;
    }
    return undefined;
  }
  if (found.kind !== 'word') return undefined;
  if (found.text === 'elif' || found.text === 'elsif' || found.text === 'elseif') return `Cairn writes \`else if\`, not \`${found.text}\``;
  return undefined;
}

/** The hint when another statement follows one on the same line without a `;`. */
export function sameLineHint(text: string, found: Found, prev: Token | undefined): string | undefined {
  if (prev === undefined || found.kind !== 'word') return undefined;
  return text.slice(prev.end, found.start).includes('\n') ? undefined : 'two statements on one line need a `;` between them; a newline ends a statement without one';
}
