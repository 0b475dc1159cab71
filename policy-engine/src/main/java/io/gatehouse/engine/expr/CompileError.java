package io.gatehouse.engine.expr;

/** Internal signal of the first compile error (syntax or binding); the compiler turns it into a diagnostic. Never escapes the compiler. */
final class CompileError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int offset;
  final String template;
  final transient Object[] quoted;

  CompileError(int offset, String template, Object... quoted) {
    super(template, null, false, false);
    this.offset = offset;
    this.template = template;
    this.quoted = quoted;
  }
}
