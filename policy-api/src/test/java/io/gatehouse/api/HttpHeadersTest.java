package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HttpHeadersTest {
  @Test
  void lookupIsCaseInsensitiveAndKeepsFirstSpelling() {
    HttpHeaders h = HttpHeaders.of("X-Id", "1", "x-id", "2", "Accept", "a");
    assertThat(h.get("X-ID")).containsExactly("1", "2");
    assertThat(h.names()).containsExactly("X-Id", "Accept");
    assertThat(h.first("accept")).isEqualTo("a");
  }

  @Test
  void setReplacesAndEmptySetRemoves() {
    HttpHeaders h = HttpHeaders.of("A", "1");
    h.set("a", List.of("2", "3"));
    assertThat(h.get("A")).containsExactly("2", "3");
    assertThat(h.names()).containsExactly("A");
    h.set("A", List.of());
    assertThat(h.contains("A")).isFalse();
  }

  @Test
  void rejectsHeaderSplitting() {
    HttpHeaders h = new HttpHeaders();
    assertThatThrownBy(() -> h.add("X", "a\r\nSet-Cookie: x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.add("X Y", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.add("", "a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void joinedReturnsASingleValueAsItIsAndJoinsSeveral() {
    HttpHeaders h = HttpHeaders.of("Accept", "a", "accept", "b", "X-One", "1");
    assertThat(h.joined("ACCEPT", ",")).isEqualTo("a,b");
    assertThat(h.joined("x-one", ",")).isSameAs(h.first("X-One"));
    assertThat(h.joined("missing", ",")).isNull();
    assertThat(h.remove("X-ONE")).isTrue();
    assertThat(h.names()).containsExactly("Accept");
  }

  @Test
  void copyIsDeep() {
    HttpHeaders h = HttpHeaders.of("A", "1");
    HttpHeaders c = h.copy();
    c.add("A", "2");
    assertThat(h.get("A")).containsExactly("1");
  }

  @Property
  void acceptedValuesRoundTrip(@ForAll String value) {
    HttpHeaders h = new HttpHeaders();
    boolean bad = value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0;
    try {
      h.add("X", value);
      assertThat(bad).isFalse();
      assertThat(h.first("x")).isEqualTo(value);
    } catch (IllegalArgumentException e) {
      assertThat(bad).isTrue();
    }
  }
}
