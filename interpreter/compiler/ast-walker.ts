// One walk over the statements and expressions of the AST, with a default
// for every node kind: visit its children in source order. The passes
// (resolve.ts, check.ts, fold.ts) extend it and override only the kinds they
// treat specially, calling `super` for the rest — the pattern of Peggy's
// visitor, whose defaults visit every child. A walk may rewrite as it goes:
// each method returns the node to put in its place (fold swaps constant
// expressions for literals and drops dead statements); passes that only read
// return what they were given. A new node kind needs one case here.

import type * as A from '../syntax/ast.js';

/** The default traversal; every method may be overridden. */
export class AstWalker {
  /** Walks a block's statements in order, dropping each one `stmt` returns undefined for. */
  block(block: A.Block): void {
    const body = block.body;
    let out = 0;
    for (let i = 0; i < body.length; i++) {
      const s = this.stmt(body[i]!);
      if (s !== undefined) body[out++] = s;
    }
    body.length = out;
  }

  /** Walks a statement's expressions and blocks in source order; returns the statement to keep (undefined drops it). */
  stmt(s: A.Stmt): A.Stmt | undefined {
    switch (s.kind) {
      case 'Block':
        this.block(s);
        return s;
      case 'Cutscene':
        this.block(s.body);
        return s;
      case 'Let':
        s.init = this.expr(s.init);
        return s;
      case 'Assign':
        s.value = this.expr(s.value);
        if (s.target.kind !== 'Name') s.target = this.expr(s.target) as A.Member | A.Index;
        return s;
      case 'ExprStmt':
        s.expr = this.expr(s.expr);
        return s;
      case 'If': {
        s.cond = this.expr(s.cond);
        this.block(s.then);
        if (s.otherwise) {
          const other = this.stmt(s.otherwise) as A.Block | A.If | undefined;
          if (other) s.otherwise = other;
          else delete s.otherwise;
        }
        return s;
      }
      case 'While':
        s.cond = this.expr(s.cond);
        this.block(s.body);
        return s;
      case 'For':
        s.iterable = this.expr(s.iterable);
        this.block(s.body);
        return s;
      case 'Return':
        if (s.value) s.value = this.expr(s.value);
        return s;
      case 'Wait':
        s.amount = this.expr(s.amount);
        return s;
      case 'WaitUntil':
        s.cond = this.expr(s.cond);
        return s;
      case 'StopThread':
        s.thread = this.expr(s.thread);
        return s;
      case 'Print':
        s.value = this.expr(s.value);
        return s;
      case 'Say':
        s.text = this.expr(s.text);
        return s;
      case 'Walk':
        s.to = this.expr(s.to);
        return s;
      case 'Put':
        s.at = this.expr(s.at);
        return s;
      case 'PlayMusic':
      case 'StopMusic':
        if (s.fade) s.fade = this.expr(s.fade);
        return s;
      case 'Break':
      case 'Continue':
      case 'Yield':
      case 'Debug':
      case 'Choose':
      case 'Take':
      case 'Drop':
      case 'Go':
      case 'Control':
      case 'Face':
      case 'Show':
      case 'Hide':
      case 'PlaySound':
      case 'EndGame':
      case 'Done':
        return s;
    }
  }

  /** Walks an expression's parts in source order; returns the expression to put in its place. */
  expr(e: A.Expr): A.Expr {
    switch (e.kind) {
      case 'Interp':
        for (let i = 0; i < e.parts.length; i++) {
          const part = e.parts[i]!;
          if (typeof part !== 'string') e.parts[i] = this.expr(part);
        }
        return e;
      case 'List':
      case 'Tuple':
        for (let i = 0; i < e.items.length; i++) e.items[i] = this.expr(e.items[i]!);
        return e;
      case 'Map':
        for (const entry of e.entries) entry.value = this.expr(entry.value);
        return e;
      case 'Unary':
        e.operand = this.expr(e.operand);
        return e;
      case 'Binary':
        e.left = this.expr(e.left);
        e.right = this.expr(e.right);
        return e;
      case 'Call':
        e.callee = this.expr(e.callee);
        for (let i = 0; i < e.args.length; i++) e.args[i] = this.expr(e.args[i]!);
        return e;
      case 'Spawn':
        // The call stays a call (it is what `spawn` starts); only its parts change.
        this.expr(e.call);
        return e;
      case 'Index':
        e.target = this.expr(e.target);
        e.index = this.expr(e.index);
        return e;
      case 'Member':
        e.target = this.expr(e.target);
        return e;
      case 'Name':
      case 'Number':
      case 'String':
      case 'Bool':
      case 'Nil':
        return e;
    }
  }
}
