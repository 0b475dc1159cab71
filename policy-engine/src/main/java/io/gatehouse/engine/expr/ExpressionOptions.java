package io.gatehouse.engine.expr;

import java.time.Duration;

/**
 * Budgets of one evaluation. Exceeding any of them throws {@link ExpressionFailure} (type
 * {@code BudgetExceededException}), which policy {@code catch} clauses cannot catch.
 *
 * @param maxSteps loop iterations plus method and lambda calls per evaluation
 * @param maxDuration wall time per evaluation
 * @param maxStringLength longest string an operation may produce (UTF-16 units)
 * @param maxCollectionSize largest array, list or sequence an operation may produce
 */
public record ExpressionOptions(long maxSteps, Duration maxDuration, int maxStringLength, int maxCollectionSize) {
  /** 100,000 steps, 1 second, 4 Mi characters, 100,000 items. */
  public static final ExpressionOptions DEFAULTS =
      new ExpressionOptions(100_000, Duration.ofSeconds(1), 4 * 1024 * 1024, 100_000);

  public ExpressionOptions {
    if (maxSteps <= 0 || maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()
        || maxStringLength <= 0 || maxCollectionSize <= 0) {
      throw new IllegalArgumentException("budgets must be positive");
    }
  }
}
