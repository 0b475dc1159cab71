package io.gatehouse.engine.expr;

/**
 * A bound expression: its static type and compiled closure, plus what else the binder needs — a constant value, an
 * assignment target, or (for names that are not values) the type or namespace they denote, or an unbound lambda.
 */
final class Bound {
  /** Writes an assignment target. */
  @FunctionalInterface
  interface Store {
    void set(Frame f, Object value);
  }

  final int pos;
  final CsType type;
  final Eval eval;
  final boolean constant;
  final Object value;
  Store store;
  CsType typeRef;
  String namespace;
  Syntax.Lambda lambda;
  /**
   * For a context dictionary property (headers, query, variables): the closure returning its backing collection
   * ({@code HttpHeaders} or a map), so lookups can skip the {@link CsDictionary} wrapper; null otherwise.
   */
  Eval backing;
  /** The indexer's rule for a missing key, with {@link #backing}. */
  CsDictionary.Missing missing;
  /** True for string literals and constants (interned; kept for reference comparisons). */
  boolean literal;

  private Bound(int pos, CsType type, Eval eval, boolean constant, Object value) {
    this.pos = pos;
    this.type = type;
    this.eval = eval;
    this.constant = constant;
    this.value = value;
  }

  static Bound of(int pos, CsType type, Eval eval) {
    return new Bound(pos, type, eval, false, null);
  }

  static Bound constant(int pos, CsType type, Object value) {
    return new Bound(pos, type, f -> value, true, value);
  }

  static Bound typeRef(int pos, CsType type) {
    Bound b = new Bound(pos, CsType.VOID, null, false, null);
    b.typeRef = type;
    return b;
  }

  static Bound namespace(int pos, String ns) {
    Bound b = new Bound(pos, CsType.VOID, null, false, null);
    b.namespace = ns;
    return b;
  }

  static Bound lambda(Syntax.Lambda l) {
    Bound b = new Bound(l.pos(), CsType.LAMBDA, null, false, null);
    b.lambda = l;
    return b;
  }

  boolean isValue() {
    return typeRef == null && namespace == null && lambda == null;
  }
}
