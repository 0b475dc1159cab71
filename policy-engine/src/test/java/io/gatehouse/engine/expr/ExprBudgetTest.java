package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wall-time budget, whose deadline is taken at an evaluation's first step, still stops runaway code. */
class ExprBudgetTest {
  private static CompiledExpression compile(String text, ExpressionOptions options) {
    Diagnostics d = new Diagnostics();
    CompiledExpression e = new CSharpExpressionCompiler(options)
        .compile(new ExpressionSource(text, new Position("p", 1, 1), false), ResultType.ANY, d);
    assertThat(d.all()).isEmpty();
    return e;
  }

  @Test
  void endlessLoopHitsTheTimeBudget() {
    ExpressionOptions options = new ExpressionOptions(Long.MAX_VALUE, Duration.ofMillis(50), 1000, 1000);
    CompiledExpression loop = compile("@{ var i = 0; while (true) { i++; } }", options);
    long start = System.nanoTime();
    assertThatThrownBy(() -> loop.evaluate(new CtxA())).isInstanceOfSatisfying(ExpressionFailure.class,
        e -> assertThat(e).hasMessageContaining("time budget of 50 ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(50), Duration.ofSeconds(5));
  }

  @Test
  void endlessLambdaCallsHitTheTimeBudget() {
    ExpressionOptions options = new ExpressionOptions(Long.MAX_VALUE, Duration.ofMillis(50), 1000, 1000);
    CompiledExpression calls = compile(
        "@{ var n = 0; while (true) { n = new[] { 1, 2 }.Aggregate((a, b) => a + b); } }", options);
    assertThatThrownBy(() -> calls.evaluate(new CtxA())).isInstanceOfSatisfying(ExpressionFailure.class,
        e -> assertThat(e).hasMessageContaining("time budget"));
  }

  @Test
  void everyEvaluationGetsAFreshBudget() {
    ExpressionOptions options = new ExpressionOptions(100, Duration.ofSeconds(1), 1000, 1000);
    CompiledExpression sum = compile("@{ var s = 0; for (var i = 0; i < 60; i++) { s += i; } return s; }", options);
    for (int k = 0; k < 3; k++) {
      assertThat(sum.evaluate(new CtxA())).isEqualTo(1770);
    }
  }
}
