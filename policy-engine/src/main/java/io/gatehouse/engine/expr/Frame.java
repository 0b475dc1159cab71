package io.gatehouse.engine.expr;

import io.gatehouse.engine.context.PolicyContext;

/**
 * The mutable state of one evaluation: locals, the context, the budget counters and the return value.
 *
 * <p>Straight-line expressions never step, so the wall-time deadline is taken at the first {@link #step()}: only
 * expressions with loops or calls pay for reading the clock, and nothing unbounded runs before that first step.
 */
final class Frame {
  static final String BUDGET_EXCEEDED = "BudgetExceededException";
  static final int MAX_CALL_DEPTH = 256;
  private static final Object[] NO_LOCALS = {};

  final Object[] locals;
  final PolicyContext context;
  private final ExpressionOptions options;
  private long deadline;
  private long steps;
  private int callDepth;
  Object result;

  Frame(int slots, PolicyContext context, ExpressionOptions options) {
    this.locals = slots == 0 ? NO_LOCALS : new Object[slots];
    this.context = context;
    this.options = options;
  }

  /** Counts one loop iteration or call against the budget. */
  void step() {
    long n = ++steps;
    if (n == 1) {
      deadline = System.nanoTime() + options.maxDuration().toNanos();
    }
    if (n > options.maxSteps()) {
      throw new ExpressionFailure(BUDGET_EXCEEDED, "The expression exceeded its step budget of "
          + options.maxSteps() + ".");
    }
    if ((n & 255) == 0 && System.nanoTime() - deadline > 0) {
      throw new ExpressionFailure(BUDGET_EXCEEDED, "The expression exceeded its time budget of "
          + options.maxDuration().toMillis() + " ms.");
    }
  }

  /** Enters a local function call: one step, and at most {@code MAX_CALL_DEPTH} nested calls. */
  void enterCall() {
    step();
    if (++callDepth > MAX_CALL_DEPTH) {
      throw new ExpressionFailure(BUDGET_EXCEEDED, "The expression exceeded the local function call depth of "
          + MAX_CALL_DEPTH + ".");
    }
  }

  void exitCall() {
    callDepth--;
  }

  String checkString(String s) {
    if (s != null && s.length() > options.maxStringLength()) {
      throw new ExpressionFailure(BUDGET_EXCEEDED, "The expression built a string longer than "
          + options.maxStringLength() + " characters.");
    }
    return s;
  }

  int checkSize(int size) {
    if (size > options.maxCollectionSize()) {
      throw new ExpressionFailure(BUDGET_EXCEEDED, "The expression built a collection larger than "
          + options.maxCollectionSize() + " items.");
    }
    return size;
  }
}
