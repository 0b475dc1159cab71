package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsNumberFormatTest {
  @Test
  void doubleToStringIsShortestRoundTrip() {
    assertThat(CsFormat.toDisplayString(7 / 2 * 1.0)).isEqualTo("3"); // V11
    assertThat(CsFormat.toDisplayString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(CsFormat.toDisplayString(1e21)).isEqualTo("1E+21");
    assertThat(CsFormat.toDisplayString(1e-7)).isEqualTo("1E-07");
    assertThat(CsFormat.toDisplayString(100.0)).isEqualTo("100");
    assertThat(CsFormat.toDisplayString(1e15)).isEqualTo("1E+15");
    assertThat(CsFormat.toDisplayString(1e14)).isEqualTo("100000000000000");
    assertThat(CsFormat.toDisplayString(0.0001)).isEqualTo("0.0001");
    assertThat(CsFormat.toDisplayString(0.00001)).isEqualTo("1E-05");
    assertThat(CsFormat.toDisplayString(-60.0)).isEqualTo("-60");
    assertThat(CsFormat.toDisplayString(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(CsFormat.toDisplayString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(CsFormat.toDisplayString(Double.NaN)).isEqualTo("NaN");
    assertThat(CsFormat.toDisplayString(-0.0)).isEqualTo("-0");
    assertThat(CsFormat.toDisplayString(1.5)).isEqualTo("1.5");
    assertThat(CsFormat.toDisplayString(123456789.123)).isEqualTo("123456789.123");
    assertThat(CsFormat.toDisplayString(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E+308");
    assertThat(CsFormat.toDisplayString(Double.MIN_VALUE)).isEqualTo("5E-324");
  }

  @Test
  void floatAndDecimalAndOthers() {
    assertThat(CsFormat.toDisplayString(0.1f)).isEqualTo("0.1");
    assertThat(CsFormat.toDisplayString(1.1f * 1.1f)).isEqualTo("1.21");
    assertThat(CsFormat.toDisplayString(new BigDecimal("1.10"))).isEqualTo("1.10");
    assertThat(CsFormat.toDisplayString(new BigDecimal("2.50"))).isEqualTo("2.50");
    assertThat(CsFormat.toDisplayString(true)).isEqualTo("True");
    assertThat(CsFormat.toDisplayString(false)).isEqualTo("False");
    assertThat(CsFormat.toDisplayString('x')).isEqualTo("x");
    assertThat(CsFormat.toDisplayString(null)).isEqualTo("");
    assertThat(CsFormat.toDisplayString((byte) -1)).isEqualTo("255");
    assertThat(CsFormat.toDisplayString(new byte[0])).isEqualTo("System.Byte[]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "7|000|007",
      "7|D3|007",
      "-7|D3|-007",
      "255|X|FF",
      "255|x4|00ff",
      "-1|X|FFFFFFFF",
      "1234567|N0|'1,234,567'",
      "42|F|42.00",
      "42|E2|4.20E+001",
      "12345|G3|1.23E+04",
      "5|P0|500 %",
      "0|0.##|0",
      "-5|0;(0)|(5)",
      "0|pos;neg;zero|zero",
      "1234567|0,,|1",
  })
  void integerFormats(int value, String format, String expected) {
    assertThat(CsNumberFormat.format(value, format)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1234.5|N2|'1,234.50'",
      "1234.5|F0|1235",
      "2.5|F0|3",
      "0.125|F2|0.13",
      "0.5|P|50.00 %",
      "0.1234|P1|12.3 %",
      "1234.5678|0.00|1234.57",
      "0.5|0%|50%",
      "1.5|0.000|1.500",
      "1234.5|E3|1.235E+003",
      "1234.5|e|1.234500e+003",
      "0.000123|G|0.000123",
      "1234.5678|G5|1234.6",
      "123456789|G5|1.2346E+08",
      "1234.5|R|1234.5",
      "1234.5|00000|01235",
      "12345.678|0.0E+00|1.2E+04",
      "-1.5|0.0|-1.5",
      "-0.001|0.0|-0.0",
  })
  void doubleFormats(double value, String format, String expected) {
    assertThat(CsNumberFormat.format(value, format)).isEqualTo(expected);
  }

  @Test
  void customPatternsWithHashes() {
    assertThat(CsNumberFormat.format(1234, "#,##0")).isEqualTo("1,234");
    assertThat(CsNumberFormat.format(0, "#")).isEqualTo("");
    assertThat(CsNumberFormat.format(12, "'#'0")).isEqualTo("#12");
    assertThat(CsNumberFormat.format(1234.5678, "#,##0.0")).isEqualTo("1,234.6");
    assertThat(CsNumberFormat.format(3.14159, "0.###")).isEqualTo("3.142");
    assertThat(CsNumberFormat.format(5551234, "(###) ###-####")).isEqualTo("() 555-1234");
    assertThat(CsNumberFormat.format(42, "##-##")).isEqualTo("-42");
  }

  @Test
  void decimalFormats() {
    assertThat(CsNumberFormat.format(new BigDecimal("1234.5"), "N2")).isEqualTo("1,234.50");
    assertThat(CsNumberFormat.format(new BigDecimal("2.345"), "F2")).isEqualTo("2.35");
    assertThat(CsNumberFormat.format(new BigDecimal("1.10"), null)).isEqualTo("1.10");
  }

  @Test
  void invalidSpecifiers() {
    assertThatThrownBy(() -> CsNumberFormat.format(1.5, "D2"))
        .isInstanceOf(CsException.class).hasMessage("Format specifier was invalid.");
    assertThatThrownBy(() -> CsNumberFormat.format(1, "Q"))
        .isInstanceOf(CsException.class).hasMessage("Format specifier was invalid.");
  }

  @Property(tries = 2000)
  void doubleTextRoundTrips(@ForAll double d) {
    if (Double.isFinite(d)) {
      assertThat(Double.parseDouble(CsFormat.toDisplayString(d))).isEqualTo(d);
      assertThat(CsParse.parseDouble(CsFormat.toDisplayString(d))).isEqualTo(d);
    }
  }

  @Property(tries = 500)
  void floatTextRoundTrips(@ForAll float f) {
    if (Float.isFinite(f)) {
      assertThat(Float.parseFloat(CsFormat.toDisplayString(f))).isEqualTo(f);
    }
  }

  @Property(tries = 500)
  void integerDefaultFormatIsJavaToString(@ForAll long v) {
    assertThat(CsFormat.toDisplayString(v)).isEqualTo(Long.toString(v));
    assertThat(CsNumberFormat.format(v, "D")).isEqualTo(Long.toString(v));
  }
}
