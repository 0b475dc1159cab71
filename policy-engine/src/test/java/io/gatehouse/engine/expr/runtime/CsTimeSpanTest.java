package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsTimeSpanTest {
  @Test
  void toStringForms() {
    CsTimeSpan t = CsTimeSpan.of(1, 1, 1, 1, 1);
    assertThat(t.toString()).isEqualTo("1.01:01:01.0010000");
    assertThat(CsTimeSpan.fromMinutes(90).toString()).isEqualTo("01:30:00");
    assertThat(CsTimeSpan.fromSeconds(-1.5).toString()).isEqualTo("-00:00:01.5000000");
    assertThat(t.toString("g")).isEqualTo("1:1:01:01.001");
    assertThat(t.toString("G")).isEqualTo("1:01:01:01.0010000");
    assertThat(t.toString("hh\\:mm\\:ss")).isEqualTo("01:01:01");
    assertThat(t.toString("%d")).isEqualTo("1");
  }

  @Test
  void totalsAndComponents() {
    CsTimeSpan t = CsTimeSpan.fromHours(36);
    assertThat(t.days()).isEqualTo(1);
    assertThat(t.hours()).isEqualTo(12);
    assertThat(t.totalHours()).isEqualTo(36.0);
    assertThat(t.totalDays()).isEqualTo(1.5);
    assertThat(CsTimeSpan.fromMilliseconds(1500).totalSeconds()).isEqualTo(1.5);
    assertThat(CsTimeSpan.parse("1.02:03:04.5").totalMilliseconds()).isEqualTo(93784500.0);
    assertThat(CsTimeSpan.parse("00:05").totalMinutes()).isEqualTo(5.0);
    assertThat(CsTimeSpan.parse("3").days()).isEqualTo(3);
    assertThat(CsTimeSpan.tryParse("25:00")).isNull();
  }

  @Test
  void dateTimeOffsetUnixTime() {
    CsDateTimeOffset d = CsDateTimeOffset.fromUnixTimeSeconds(1893456000L);
    assertThat(d.utcDateTime().toString("o")).isEqualTo("2030-01-01T00:00:00.0000000Z");
    assertThat(d.toUnixTimeMilliseconds()).isEqualTo(1893456000000L);
    assertThat(d.toString()).isEqualTo("01/01/2030 00:00:00 +00:00");
    assertThat(d.toString("o")).isEqualTo("2030-01-01T00:00:00.0000000+00:00");
    assertThat(CsDateTimeOffset.fromUnixTimeMilliseconds(-1).toUnixTimeSeconds()).isEqualTo(-1);
    CsDateTimeOffset now = CsDateTimeOffset.utcNow(Instant.parse("2024-03-05T07:08:09.123Z"));
    assertThat(now.toUnixTimeSeconds()).isEqualTo(1709622489L);
    assertThat(now.addHours(1).toString("yyyy-MM-ddTHH:mm:ssK")).isEqualTo("2024-03-05T08:08:09+00:00");
    CsDateTimeOffset plus2 = CsDateTimeOffset.parse("2024-03-05T09:08:09+02:00");
    assertThat(plus2.hour()).isEqualTo(9);
    assertThat(plus2.toString("R")).isEqualTo("Tue, 05 Mar 2024 07:08:09 GMT");
    assertThat(plus2.equals(CsDateTimeOffset.of(CsDateTime.parse("2024-03-05T07:08:09Z")))).isTrue();
  }
}
