package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsFormatCompositeTest {
  @Test
  void compositeFormatting() {
    assertThat(CsFormat.composite("{0}-{1:000}", "orders-api", 7)).isEqualTo("orders-api-007"); // V24
    assertThat(CsFormat.composite("[{0,-8}]", "ab")).isEqualTo("[ab      ]");
    assertThat(CsFormat.composite("[{0,5}]", 42)).isEqualTo("[   42]");
    assertThat(CsFormat.composite("{{{0}}}", true)).isEqualTo("{True}");
    assertThat(CsFormat.composite("{0:N2}", 1234.5)).isEqualTo("1,234.50");
    assertThat(CsFormat.composite("a{0}b", (Object) null)).isEqualTo("ab");
    assertThat(CsFormat.composite("v{0}", new BigDecimal("2.50"))).isEqualTo("v2.50");
    assertThat(CsFormat.composite("{0:yyyy-MM-dd}", CsDateTime.of(2024, 3, 5))).isEqualTo("2024-03-05");
  }

  @Test
  void badCompositeFormats() {
    assertThatThrownBy(() -> CsFormat.composite("{1}", "a"))
        .isInstanceOfSatisfying(CsException.class, e -> assertThat(e.typeName()).isEqualTo("FormatException"));
    assertThatThrownBy(() -> CsFormat.composite("{0", "a")).isInstanceOf(CsException.class);
    assertThatThrownBy(() -> CsFormat.composite("}", "a")).isInstanceOf(CsException.class);
  }
}
