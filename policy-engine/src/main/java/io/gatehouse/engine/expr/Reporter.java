package io.gatehouse.engine.expr;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;

/**
 * Reports diagnostics at offsets inside one expression, mapped to file positions (line:col of multi-line blocks).
 * Quoted source fragments are hidden when the expression carries a secret.
 */
final class Reporter {
  private final ExpressionSource source;
  private final Diagnostics diagnostics;
  private int errors;

  Reporter(ExpressionSource source, Diagnostics diagnostics) {
    this.source = source;
    this.diagnostics = diagnostics;
  }

  /** Reports an error; each {@code quoted} argument is source text, replaced by a placeholder for secrets. */
  void error(int offset, String template, Object... quoted) {
    errors++;
    diagnostics.error(position(offset), format(template, quoted));
  }

  void warning(int offset, String template, Object... quoted) {
    diagnostics.warning(position(offset), format(template, quoted));
  }

  boolean hasErrors() {
    return errors > 0;
  }

  private String format(String template, Object[] quoted) {
    Object[] args = new Object[quoted.length];
    for (int i = 0; i < quoted.length; i++) {
      args[i] = source.secret() ? "(hidden)" : "'" + quoted[i] + "'";
    }
    return "expression: " + String.format(template, args);
  }

  /** The file position of {@code offset}; offset 0 is the {@code @}. */
  Position position(int offset) {
    Position base = source.position();
    String text = source.text();
    int line = base.line();
    int column = base.column();
    int limit = Math.min(Math.max(offset, 0), text.length());
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Position(base.file(), line, column);
  }
}
