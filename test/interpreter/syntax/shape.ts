// Test helper: an AST without its spans, so tests can compare shapes by value
// and check spans separately where they matter.

/** A deep copy of `node` without `span` and `opSpan` keys. */
export function shape(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'span' || key === 'opSpan' ? undefined : value)));
}
