// Finds the comments of Cairn source, which the grammar treats as space and
// so leaves out of the AST: the formatter puts them back where they were. It
// skips strings (and the expressions interpolated in them) so a `//` inside
// quotes is never taken for a comment. It never decides validity.

/** One comment: offsets into the text (end exclusive) and its text. */
export interface Comment {
  start: number;
  end: number;
  text: string;
  /** True when only space comes before it on its line. */
  ownLine: boolean;
}

/** Every comment of `text`, in order. */
export function findComments(text: string): Comment[] {
  const comments: Comment[] = [];
  // What encloses the scanner: a string, or the `{…}` of an interpolation (with its brace depth).
  const stack: Array<{ mode: 'string' } | { mode: 'interp'; depth: number }> = [];
  let i = 0;
  while (i < text.length) {
    const top = stack[stack.length - 1];
    const c = text[i]!;
    if (top?.mode === 'string') {
      if (c === '\\') i += 2;
      else if (c === '"' || c === '\n' || c === '\r') {
        stack.pop();
        i++;
      } else if (c === '{') {
        stack.push({ mode: 'interp', depth: 0 });
        i++;
      } else i++;
      continue;
    }
    if (c === '"') {
      stack.push({ mode: 'string' });
      i++;
    } else if (top?.mode === 'interp' && (c === '{' || c === '}')) {
      if (c === '{') top.depth++;
      else if (top.depth === 0) stack.pop();
      else top.depth--;
      i++;
    } else if (text.startsWith('//', i) || text.startsWith('/*', i)) {
      const close = c === '/' && text[i + 1] === '/' ? lineEnd(text, i) : blockEnd(text, i);
      comments.push({ start: i, end: close, text: text.slice(i, close), ownLine: onlySpaceBefore(text, i) });
      i = close;
    } else i++;
  }
  return comments;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function blockEnd(text: string, from: number): number {
  const close = text.indexOf('*/', from + 2);
  return close < 0 ? text.length : close + 2;
}

function onlySpaceBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '\uFEFF') return false;
  }
  return true;
}
