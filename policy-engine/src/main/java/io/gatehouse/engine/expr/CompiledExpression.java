package io.gatehouse.engine.expr;

import io.gatehouse.engine.context.PolicyContext;

/** A compiled expression: immutable, thread-safe, cheap to evaluate. */
@FunctionalInterface
public interface CompiledExpression {
  /**
   * Evaluates against one request's context.
   *
   * @return the value converted per the {@link ResultType} it was compiled for
   * @throws ExpressionFailure for every runtime error (a .NET exception in C# terms, or an exceeded budget)
   */
  Object evaluate(PolicyContext context);
}
