package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsConvertTest {
  @Test
  void toInt32RoundsToEven() {
    assertThat(CsConvert.toInt32(2.5)).isEqualTo(2);
    assertThat(CsConvert.toInt32(3.5)).isEqualTo(4);
    assertThat(CsConvert.toInt32(-2.5)).isEqualTo(-2);
    assertThat(CsConvert.toInt32(new BigDecimal("2.5"))).isEqualTo(2);
    assertThat(CsConvert.toInt32("12")).isEqualTo(12);
    assertThat(CsConvert.toInt32(null)).isEqualTo(0);
    assertThat(CsConvert.toInt32(true)).isEqualTo(1);
    assertThat(CsConvert.toInt64(3L)).isEqualTo(3L);
    assertThatThrownBy(() -> CsConvert.toInt32(3e10)).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("OverflowException"));
    assertThatThrownBy(() -> CsConvert.toInt32(5_000_000_000L)).isInstanceOf(CsException.class);
    assertThatThrownBy(() -> CsConvert.toInt32("abc")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("FormatException"));
  }

  @Test
  void toBooleanAndOthers() {
    assertThat(CsConvert.toBoolean("TRUE")).isTrue();
    assertThat(CsConvert.toBoolean((Object) null)).isFalse();
    assertThat(CsConvert.toBoolean(0)).isFalse();
    assertThat(CsConvert.toBoolean(2.0)).isTrue();
    assertThat(CsConvert.toDouble("1.5")).isEqualTo(1.5);
    assertThat(CsConvert.toDecimal(0.1)).isEqualTo(new BigDecimal("0.1"));
    assertThat(CsConvert.toString(true)).isEqualTo("True");
    assertThat(CsConvert.toString(null)).isEqualTo("");
  }

  @Test
  void base64() {
    assertThat(CsConvert.toBase64String("user:pa55".getBytes(StandardCharsets.UTF_8))).isEqualTo("dXNlcjpwYTU1"); // V35
    assertThat(new String(CsConvert.fromBase64String("dXNl cjpw\r\nYTU1"), StandardCharsets.UTF_8))
        .isEqualTo("user:pa55");
    assertThatThrownBy(() -> CsConvert.fromBase64String("abc")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("FormatException"));
    assertThatThrownBy(() -> CsConvert.fromBase64String("ab-_")).isInstanceOf(CsException.class);
  }
}
