package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsParseTest {
  @Test
  void intParse() {
    assertThat(CsParse.parseInt(" 42 ")).isEqualTo(42);
    assertThat(CsParse.parseInt("+7")).isEqualTo(7);
    assertThat(CsParse.parseInt("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThatThrownBy(() -> CsParse.parseInt("4 2")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("FormatException"));
    assertThatThrownBy(() -> CsParse.parseInt("1.0")).isInstanceOf(CsException.class);
    assertThatThrownBy(() -> CsParse.parseInt("2147483648")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.getMessage()).isEqualTo("Value was either too large or too small for an Int32."));
    assertThatThrownBy(() -> CsParse.parseInt(null)).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("ArgumentNullException"));
    assertThat(CsParse.tryParseInt("x")).isNull();
    assertThat(CsParse.tryParseInt(null)).isNull();
    assertThat(CsParse.parseLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> CsParse.parseByte("256")).isInstanceOf(CsException.class);
  }

  @Test
  void doubleAndDecimalParse() {
    assertThat(CsParse.parseDouble("1,234.5")).isEqualTo(1234.5);
    assertThat(CsParse.parseDouble(" 1e3 ")).isEqualTo(1000.0);
    assertThat(CsParse.parseDouble(".5")).isEqualTo(0.5);
    assertThat(CsParse.parseDouble("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(CsParse.parseDouble("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> CsParse.parseDouble("1,5e")).isInstanceOf(CsException.class);
    assertThat(CsParse.parseDecimal("1.10")).isEqualTo(new BigDecimal("1.10"));
    assertThat(CsParse.parseDecimal("-0.5")).isEqualTo(new BigDecimal("-0.5"));
    assertThatThrownBy(() -> CsParse.parseDecimal("1e3")).isInstanceOf(CsException.class);
  }

  @Test
  void boolParse() {
    assertThat(CsParse.parseBool(" TRUE ")).isTrue();
    assertThat(CsParse.parseBool("false")).isFalse();
    assertThatThrownBy(() -> CsParse.parseBool("yes")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.getMessage()).isEqualTo("String 'yes' was not recognized as a valid Boolean."));
    assertThat(CsParse.tryParseBool("1")).isNull();
  }

  @Property(tries = 500)
  void intParseInvertsToString(@ForAll int v) {
    assertThat(CsParse.parseInt(CsFormat.toDisplayString(v))).isEqualTo(v);
  }
}
