package io.gatehouse.engine.expr;

import io.gatehouse.xml.Diagnostics;

/**
 * Compiles one policy expression ({@code @(...)} or {@code @{...}}) at load time into a {@link CompiledExpression}.
 * Implementations are thread-safe and do all parsing, binding and type checking here, never per request.
 */
public interface ExpressionCompiler {
  /**
   * Compiles {@code source}. Syntax, binding and type errors are reported to {@code diagnostics} with positions
   * inside the policy file; the result is then null.
   *
   * @param source the expression text and where it starts
   * @param resultType what the hosting attribute or element needs (spec expressions.md 1.4)
   * @param diagnostics where errors and warnings go
   * @return the compiled expression, or null when it did not compile
   */
  CompiledExpression compile(ExpressionSource source, ResultType resultType, Diagnostics diagnostics);
}
