package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsGuidTest {
  @Test
  void parseAndFormats() {
    UUID g = CsGuid.parse("0F8FAD5B-D9CB-469F-A165-70867728950E");
    assertThat(CsGuid.toString(g, "N")).isEqualTo("0f8fad5bd9cb469fa16570867728950e"); // V38
    assertThat(CsGuid.toString(g, "B")).isEqualTo("{0f8fad5b-d9cb-469f-a165-70867728950e}");
    assertThat(CsGuid.toString(g, "P")).isEqualTo("(0f8fad5b-d9cb-469f-a165-70867728950e)");
    assertThat(CsFormat.toDisplayString(g)).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(CsGuid.parse("{0f8fad5b-d9cb-469f-a165-70867728950e}")).isEqualTo(g);
    assertThat(CsGuid.parse("0f8fad5bd9cb469fa16570867728950e")).isEqualTo(g);
    assertThat(CsGuid.tryParse("nope")).isNull();
    assertThatThrownBy(() -> CsGuid.parse("x")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("FormatException"));
  }

  @Test
  void byteArrayIsMixedEndian() {
    UUID g = CsGuid.parse("00112233-4455-6677-8899-aabbccddeeff");
    assertThat(CsBitConverter.toString(CsGuid.toByteArray(g)))
        .isEqualTo("33-22-11-00-55-44-77-66-88-99-AA-BB-CC-DD-EE-FF");
    assertThat(CsGuid.fromByteArray(CsGuid.toByteArray(g))).isEqualTo(g);
  }
}
