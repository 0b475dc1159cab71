package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsDateTimeTest {
  private static final CsDateTime TS = CsDateTime.of(2024, 3, 5, 7, 8, 9, 123, CsDateTimeKind.Utc);

  @Test
  void specFormats() {
    assertThat(TS.toString()).isEqualTo("03/05/2024 07:08:09");
    assertThat(TS.toString("yyyy-MM-ddTHH:mm:ssZ")).isEqualTo("2024-03-05T07:08:09Z"); // V26
    assertThat(TS.toString("o")).isEqualTo("2024-03-05T07:08:09.1230000Z"); // V27
    assertThat(TS.toString("O")).isEqualTo("2024-03-05T07:08:09.1230000Z");
    assertThat(TS.toString("R")).isEqualTo("Tue, 05 Mar 2024 07:08:09 GMT"); // V28
    assertThat(TS.toString("r")).isEqualTo("Tue, 05 Mar 2024 07:08:09 GMT");
    assertThat(TS.toString("s")).isEqualTo("2024-03-05T07:08:09");
    assertThat(TS.toString("u")).isEqualTo("2024-03-05 07:08:09Z");
    assertThat(TS.toString("yyyyMMdd")).isEqualTo("20240305");
    assertThat(CsDateTime.specifyKind(TS, CsDateTimeKind.Local).toString("o"))
        .isEqualTo("2024-03-05T07:08:09.1230000+00:00");
    assertThat(CsDateTime.specifyKind(TS, CsDateTimeKind.Unspecified).toString("o"))
        .isEqualTo("2024-03-05T07:08:09.1230000");
  }

  @Test
  void customSpecifiers() {
    assertThat(TS.toString("dddd, MMMM d, yy")).isEqualTo("Tuesday, March 5, 24");
    assertThat(TS.toString("ddd MMM dd")).isEqualTo("Tue Mar 05");
    assertThat(TS.toString("h:mm tt")).isEqualTo("7:08 AM");
    assertThat(TS.toString("HH'h'mm \\a\\t fff FFFF")).isEqualTo("07h08 at 123 123");
    assertThat(TS.toString("ss.FFFFFFF")).isEqualTo("09.123");
    assertThat(TS.date().toString("ss.FFF")).isEqualTo("00");
    assertThat(TS.toString("%d")).isEqualTo("5");
    assertThat(TS.toString("zzz K")).isEqualTo("+00:00 Z");
    assertThat(TS.toString("\"lit\" yyyy")).isEqualTo("lit 2024");
    assertThatThrownBy(() -> TS.toString("q")).isInstanceOf(CsException.class);
  }

  @Test
  void arithmeticAndComponents() {
    assertThat(TS.addDays(1).day()).isEqualTo(6);
    assertThat(TS.addMonths(-1).toString("yyyy-MM-dd")).isEqualTo("2024-02-05");
    assertThat(CsDateTime.of(2024, 1, 31).addMonths(1).toString("yyyy-MM-dd")).isEqualTo("2024-02-29");
    assertThat(TS.addSeconds(3600).hour()).isEqualTo(8);
    assertThat(TS.addMilliseconds(0.6).millisecond()).isEqualTo(124);
    assertThat(TS.addYears(1).year()).isEqualTo(2025);
    assertThat(TS.dayOfWeek()).isEqualTo(CsDayOfWeek.Tuesday);
    assertThat(TS.dayOfYear()).isEqualTo(65);
    assertThat(TS.millisecond()).isEqualTo(123);
    assertThat(TS.timeOfDay().toString()).isEqualTo("07:08:09.1230000");
    assertThat(TS.subtract(TS.addHours(-25)).toString()).isEqualTo("1.01:00:00");
    assertThat(TS.equals(CsDateTime.specifyKind(TS, CsDateTimeKind.Local))).isTrue();
    assertThat(TS.compareTo(TS.addTicks(1))).isNegative();
    assertThatThrownBy(() -> CsDateTime.MAX_VALUE.addDays(1)).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("ArgumentOutOfRangeException"));
  }

  @Test
  void clocksComeFromTheCaller() {
    Instant i = Instant.parse("2024-03-05T07:08:09.123Z");
    assertThat(CsDateTime.utcNow(i)).isEqualTo(TS);
    assertThat(CsDateTime.utcNow(i).kind()).isEqualTo(CsDateTimeKind.Utc);
    assertThat(CsDateTime.now(i).kind()).isEqualTo(CsDateTimeKind.Local);
    assertThat(CsDateTime.now(i).ticks()).isEqualTo(TS.ticks());
    assertThat(CsDateTime.today(i).toString()).isEqualTo("03/05/2024 00:00:00");
    assertThat(TS.toInstant()).isEqualTo(i);
  }

  @Test
  void parse() {
    CsDateTime z = CsDateTime.parse("2024-03-05T07:08:09Z");
    assertThat(z.kind()).isEqualTo(CsDateTimeKind.Local);
    assertThat(z.toString()).isEqualTo("03/05/2024 07:08:09");
    assertThat(CsDateTime.parse("2024-03-05T09:08:09+02:00").hour()).isEqualTo(7);
    assertThat(CsDateTime.parse("2024-03-05").kind()).isEqualTo(CsDateTimeKind.Unspecified);
    assertThat(CsDateTime.parse("03/05/2024 07:08:09").toString("s")).isEqualTo("2024-03-05T07:08:09");
    assertThat(CsDateTime.parse("3/5/2024 7:08 PM").hour()).isEqualTo(19);
    assertThat(CsDateTime.parse("Tue, 05 Mar 2024 07:08:09 GMT").toString("s")).isEqualTo("2024-03-05T07:08:09");
    assertThat(CsDateTime.parse("2024-03-05T07:08:09.1234567").ticks() % 10_000_000).isEqualTo(1234567);
    assertThatThrownBy(() -> CsDateTime.parse("2024-13-05")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("FormatException"));
    assertThat(CsDateTime.tryParse("nope")).isNull();
  }
}
