package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsMathTest {
  @Test
  void bankersRounding() {
    assertThat(CsFormat.toDisplayString(CsMath.round(5 / 2.0) + CsMath.round(7 / 2.0))).isEqualTo("6"); // V37
    assertThat(CsMath.round(2.125, 2)).isEqualTo(2.12);
    assertThat(CsMath.round(2.5, CsMath.MidpointRounding.AwayFromZero)).isEqualTo(3.0);
    assertThat(CsMath.round(-2.5, CsMath.MidpointRounding.AwayFromZero)).isEqualTo(-3.0);
    assertThat(CsMath.round(new BigDecimal("2.345"), 2)).isEqualTo(new BigDecimal("2.34"));
    assertThat(CsMath.round(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("2"));
    assertThat(CsMath.truncate(-2.7)).isEqualTo(-2.0);
    assertThatThrownBy(() -> CsMath.abs(Integer.MIN_VALUE)).isInstanceOf(CsException.class);
  }

  @Test
  void integerOperatorsFollowCSharp() {
    assertThat(CsNumeric.divide(-7, 2)).isEqualTo(-3);
    assertThat(CsNumeric.remainder(-7, 3)).isEqualTo(-1);
    assertThatThrownBy(() -> CsNumeric.divide(1, 0)).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("DivideByZeroException"));
    assertThat(CsNumeric.doubleToInt(2.9)).isEqualTo(2);
    assertThat(CsNumeric.doubleToInt(-2.9)).isEqualTo(-2);
    assertThat(CsNumeric.doubleToInt(1e20)).isEqualTo(Integer.MIN_VALUE);
    assertThat(CsNumeric.doubleToInt(Double.NaN)).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void decimalArithmetic() {
    assertThat(CsDecimal.multiply(new BigDecimal("1.10"), new BigDecimal("2"))).isEqualTo(new BigDecimal("2.20"));
    assertThat(CsDecimal.add(new BigDecimal("0.1"), new BigDecimal("0.2"))).isEqualByComparingTo("0.3");
    assertThat(CsDecimal.divide(BigDecimal.ONE, new BigDecimal("3")).toPlainString())
        .isEqualTo("0.3333333333333333333333333333");
    assertThat(CsDecimal.divide(BigDecimal.TEN, new BigDecimal("4")).toPlainString()).isEqualTo("2.5");
    assertThat(CsDecimal.divide(new BigDecimal("4.00"), new BigDecimal("2")).toPlainString()).isEqualTo("2.00");
    assertThatThrownBy(() -> CsDecimal.divide(BigDecimal.ONE, BigDecimal.ZERO)).isInstanceOf(CsException.class);
    assertThatThrownBy(() -> CsDecimal.multiply(CsDecimal.MAX_VALUE, new BigDecimal("2")))
        .isInstanceOfSatisfying(CsException.class, e -> assertThat(e.typeName()).isEqualTo("OverflowException"));
  }

  @Property(tries = 1000)
  void truncatingDivisionIdentity(@ForAll int a, @ForAll int b) {
    if (b != 0 && !(a == Integer.MIN_VALUE && b == -1)) {
      int q = CsNumeric.divide(a, b);
      int r = CsNumeric.remainder(a, b);
      assertThat(q * b + r).isEqualTo(a);
      assertThat(r == 0 || Integer.signum(r) == Integer.signum(a)).isTrue();
      assertThat(Math.abs((long) r)).isLessThan(Math.abs((long) b));
    }
  }

  @Property(tries = 500)
  void decimalAddAndMultiplyAreExact(@ForAll long a, @ForAll int scaleA, @ForAll long b) {
    BigDecimal x = BigDecimal.valueOf(a, Math.floorMod(scaleA, 10));
    BigDecimal y = BigDecimal.valueOf(b % 1_000_000_000L, 3);
    assertThat(CsDecimal.add(x, y)).isEqualTo(x.add(y));
    assertThat(CsDecimal.multiply(x, y).compareTo(x.multiply(y)) == 0
        || x.multiply(y).precision() > 28).isTrue();
  }
}
