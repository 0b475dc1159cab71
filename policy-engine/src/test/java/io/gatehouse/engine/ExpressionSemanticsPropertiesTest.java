package io.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.expr.CSharpExpressionCompiler;
import io.gatehouse.engine.expr.CompiledExpression;
import io.gatehouse.engine.expr.ExpressionFailure;
import io.gatehouse.engine.expr.ExpressionSource;
import io.gatehouse.engine.expr.ResultType;
import io.gatehouse.engine.testing.StandaloneContext;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * C# semantics of compiled expressions for generated operands. Operands come from variables, so nothing is
 * constant-folded: each expression is compiled once and evaluated per sample, as on the request path.
 */
class ExpressionSemanticsPropertiesTest {
  private static final CSharpExpressionCompiler COMPILER = new CSharpExpressionCompiler();

  private static CompiledExpression compile(String text) {
    Diagnostics diagnostics = new Diagnostics();
    CompiledExpression e = COMPILER.compile(new ExpressionSource(text, new Position("prop", 1, 1), false),
        ResultType.ANY, diagnostics);
    assertThat(e).as(diagnostics.all().toString()).isNotNull();
    return e;
  }

  private static final CompiledExpression INT_DIV = compile(
      "@(context.Variables.GetValueOrDefault<int>(\"a\") / context.Variables.GetValueOrDefault<int>(\"b\"))");
  private static final CompiledExpression INT_REM = compile(
      "@(context.Variables.GetValueOrDefault<int>(\"a\") % context.Variables.GetValueOrDefault<int>(\"b\"))");
  private static final CompiledExpression INT_ADD_MUL = compile(
      "@(context.Variables.GetValueOrDefault<int>(\"a\") * 3 + context.Variables.GetValueOrDefault<int>(\"b\"))");
  private static final CompiledExpression LONG_MUL = compile(
      "@(context.Variables.GetValueOrDefault<long>(\"x\") * context.Variables.GetValueOrDefault<long>(\"y\"))");
  private static final CompiledExpression MIXED = compile(
      "@(context.Variables.GetValueOrDefault<int>(\"a\") / 2 * 1.0 + context.Variables.GetValueOrDefault<long>(\"x\"))");
  private static final CompiledExpression DOUBLE_TEXT = compile(
      "@((context.Variables.GetValueOrDefault<double>(\"d\") * 3).ToString())");
  private static final CompiledExpression DECIMAL_ADD = compile(
      "@(context.Variables.GetValueOrDefault<decimal>(\"m\") + context.Variables.GetValueOrDefault<decimal>(\"n\"))");
  private static final CompiledExpression CONCAT = compile(
      "@(\"n=\" + context.Variables.GetValueOrDefault<int>(\"a\") + context.Variables.GetValueOrDefault<int>(\"b\"))");
  private static final CompiledExpression SUBSTRING = compile(
      "@(context.Variables.GetValueOrDefault<string>(\"s\").Substring(context.Variables.GetValueOrDefault<int>(\"a\"), "
          + "context.Variables.GetValueOrDefault<int>(\"b\")))");
  private static final CompiledExpression SPLIT_COUNT = compile(
      "@(context.Variables.GetValueOrDefault<string>(\"s\").Split(',').Length)");
  private static final CompiledExpression UPPER_EQUALS = compile(
      "@(context.Variables.GetValueOrDefault<string>(\"s\").ToUpper() == context.Variables.GetValueOrDefault<string>("
          + "\"t\"))");

  private static PolicyContext vars(Object... namesAndValues) {
    StandaloneContext c = StandaloneContext.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      c.variable((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return c.build();
  }

  private static String failure(CompiledExpression e, PolicyContext ctx) {
    try {
      e.evaluate(ctx);
      return null;
    } catch (ExpressionFailure f) {
      return f.typeName();
    }
  }

  @Property(tries = 300)
  void integerDivisionTruncatesAndRemainderFollowsTheDividend(@ForAll int a, @ForAll int b) {
    PolicyContext ctx = vars("a", a, "b", b);
    if (b == 0) {
      assertThat(failure(INT_DIV, ctx)).isEqualTo("DivideByZeroException");
      assertThat(failure(INT_REM, ctx)).isEqualTo("DivideByZeroException");
      return;
    }
    Assume.that(!(a == Integer.MIN_VALUE && b == -1)); // OverflowException on .NET x64, not modelled here
    assertThat(INT_DIV.evaluate(ctx)).isEqualTo(a / b);
    assertThat(INT_REM.evaluate(ctx)).isEqualTo(a % b);
  }

  @Property(tries = 300)
  void intArithmeticWrapsLikeUncheckedCSharp(@ForAll int a, @ForAll int b) {
    assertThat(INT_ADD_MUL.evaluate(vars("a", a, "b", b))).isEqualTo(a * 3 + b);
  }

  @Property(tries = 300)
  void longArithmeticWraps(@ForAll long x, @ForAll long y) {
    assertThat(LONG_MUL.evaluate(vars("x", x, "y", y))).isEqualTo(x * y);
  }

  @Property(tries = 300)
  void promotionKeepsIntegerDivisionBeforeTheDouble(@ForAll int a, @ForAll long x) {
    assertThat(MIXED.evaluate(vars("a", a, "x", x))).isEqualTo((double) (a / 2) * 1.0 + x);
  }

  @Property(tries = 300)
  void doubleToStringRoundTrips(@ForAll double d) {
    Assume.that(Double.isFinite(d * 3));
    String text = (String) DOUBLE_TEXT.evaluate(vars("d", d));
    assertThat(Double.parseDouble(text)).isEqualTo(d * 3);
    assertThat(text).doesNotEndWith(".0").doesNotContain("e");
  }

  @Property(tries = 300)
  void decimalAdditionIsExact(@ForAll @BigRange(min = "-1000000000", max = "1000000000") BigDecimal m,
      @ForAll @BigRange(min = "-1000000000", max = "1000000000") BigDecimal n) {
    BigDecimal mm = m.setScale(Math.min(m.scale(), 10), java.math.RoundingMode.DOWN);
    BigDecimal nn = n.setScale(Math.min(n.scale(), 10), java.math.RoundingMode.DOWN);
    Object sum = DECIMAL_ADD.evaluate(vars("m", mm, "n", nn));
    assertThat((BigDecimal) sum).isEqualByComparingTo(mm.add(nn));
  }

  @Property(tries = 200)
  void concatenationIsLeftToRight(@ForAll int a, @ForAll int b) {
    assertThat(CONCAT.evaluate(vars("a", a, "b", b))).isEqualTo("n=" + a + b);
  }

  @Property(tries = 300)
  void substringTakesALengthAndThrowsPastTheEnd(@ForAll @StringLength(max = 20) String s,
      @ForAll @IntRange(min = -2, max = 25) int start, @ForAll @IntRange(min = -2, max = 25) int length) {
    PolicyContext ctx = vars("s", s, "a", start, "b", length);
    if (start < 0 || length < 0 || start + length > s.length()) {
      assertThat(failure(SUBSTRING, ctx)).isEqualTo("ArgumentOutOfRangeException");
    } else {
      assertThat(SUBSTRING.evaluate(ctx)).isEqualTo(s.substring(start, start + length));
    }
  }

  @Property(tries = 300)
  void splitKeepsEmptyEntries(@ForAll @StringLength(max = 30) String s) {
    long commas = s.chars().filter(c -> c == ',').count();
    assertThat(SPLIT_COUNT.evaluate(vars("s", s))).isEqualTo((int) commas + 1);
  }

  /**
   * Latin-1 text only: outside it the invariant case mappings of .NET and Java differ on purpose (the engine keeps
   * the dotless i U+0131 as .NET does, where Java maps it to I).
   */
  @Property(tries = 300)
  void toUpperIsInvariantAndEqualityIsOrdinal(
      @ForAll @StringLength(max = 20) @CharRange(from = ' ', to = '\u00fe') String s) {
    String upper = s.toUpperCase(Locale.ROOT);
    Assume.that(upper.length() == s.length()); // .NET maps char to char; Java may expand (e.g. 'ß' -> "SS")
    assertThat(UPPER_EQUALS.evaluate(vars("s", s, "t", upper))).isEqualTo(true);
    assertThat(UPPER_EQUALS.evaluate(vars("s", s, "t", upper + "x"))).isEqualTo(false);
  }
}
