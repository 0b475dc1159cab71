package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Outputs confirmed with mono 6.8 (mcs, invariant culture). Mono formats doubles like .NET Framework (15 digits), so
 * shortest round-trip double text is not confirmed here; everything below is identical on .NET Core.
 */
class CsMonoConfirmedTest {
  @Test
  void numberFormatsConfirmedWithMono() {
    assertThat(CsNumberFormat.format(0.125, "F2")).isEqualTo("0.13");
    assertThat(CsNumberFormat.format(2.5, "F0")).isEqualTo("3");
    assertThat(CsNumberFormat.format(0.5, "P")).isEqualTo("50.00 %");
    assertThat(CsNumberFormat.format(5551234, "(###) ###-####")).isEqualTo("() 555-1234");
    assertThat(CsNumberFormat.format(42, "##-##")).isEqualTo("-42");
    assertThat(CsNumberFormat.format(12345.678, "0.0E+00")).isEqualTo("1.2E+04");
    assertThat(CsNumberFormat.format(1234567, "0,,")).isEqualTo("1");
    assertThat(CsNumberFormat.format(12345, "G3")).isEqualTo("1.23E+04");
    assertThat(CsNumberFormat.format(1234.5, "E3")).isEqualTo("1.235E+003");
    assertThat(CsNumberFormat.format(123456789.0, "G5")).isEqualTo("1.2346E+08");
    assertThat(CsNumberFormat.format(new BigDecimal("-0.001"), "F1")).isEqualTo("0.0");
    assertThat(CsFormat.toDisplayString(1e15)).isEqualTo("1E+15");
    assertThat(CsFormat.toDisplayString(1e-5)).isEqualTo("1E-05");
    assertThat(CsFormat.toDisplayString(1e21)).isEqualTo("1E+21");
    assertThat(CsFormat.toDisplayString(1e-7)).isEqualTo("1E-07");
    assertThat(CsFormat.toDisplayString(1.1f * 1.1f)).isEqualTo("1.21");
  }

  @Test
  void decimalConfirmedWithMono() {
    assertThat(CsDecimal.divide(BigDecimal.ONE, new BigDecimal("3")).toPlainString())
        .isEqualTo("0.3333333333333333333333333333");
    assertThat(CsDecimal.divide(new BigDecimal("4.00"), new BigDecimal("2")).toPlainString()).isEqualTo("2.00");
    assertThat(CsFormat.toDisplayString(CsDecimal.multiply(new BigDecimal("1.10"), BigDecimal.valueOf(2))))
        .isEqualTo("2.20");
    assertThat(CsFormat.toDisplayString(CsDecimal.fromDouble(0.1))).isEqualTo("0.1");
  }

  @Test
  void datesAndStringsConfirmedWithMono() {
    CsDateTime d = CsDateTime.of(2024, 3, 5, 7, 8, 9, 123, CsDateTimeKind.Utc);
    assertThat(d.toString()).isEqualTo("03/05/2024 07:08:09");
    assertThat(d.toString("o")).isEqualTo("2024-03-05T07:08:09.1230000Z");
    assertThat(d.toString("R")).isEqualTo("Tue, 05 Mar 2024 07:08:09 GMT");
    assertThat(d.toString("h:mm tt")).isEqualTo("7:08 AM");
    assertThat(d.toString("zzz K")).isEqualTo("+00:00 Z");
    assertThat(CsDateTime.parse("2024-03-05T07:08:09Z").kind()).isEqualTo(CsDateTimeKind.Local);
    assertThat(CsTimeSpan.of(1, 1, 1, 1, 1).toString("g")).isEqualTo("1:1:01:01.001");
    assertThat(CsTimeSpan.fromSeconds(-1.5).toString()).isEqualTo("-00:00:01.5000000");
    assertThat(CsStrings.split("a,,b,c", new char[] {','}, 2, CsStringSplitOptions.REMOVE_EMPTY_ENTRIES))
        .containsExactly("a", "b,c");
    assertThat(CsStrings.compare("a", "B")).isEqualTo(-1);
    assertThat(CsStrings.compare("a", "A")).isEqualTo(-1);
    assertThat(CsStrings.toUpper("straße")).isEqualTo("STRAßE");
    assertThat(CsMath.round(2.125, 2)).isEqualTo(2.12);
    assertThat(CsConvert.toInt32(-2.5)).isEqualTo(-2);
    assertThatThrownBy(() -> CsParse.parseInt("x")).hasMessage("Input string was not in a correct format.");
  }
}
