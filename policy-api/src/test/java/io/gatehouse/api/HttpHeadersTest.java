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

  @Test
  void expectedSizeIsRoomNotALimit() {
    assertThatThrownBy(() -> new HttpHeaders(-1)).isInstanceOf(IllegalArgumentException.class);
    for (int room = 0; room < 4; room++) {
      HttpHeaders h = new HttpHeaders(room);
      for (int i = 0; i < 5; i++) {
        h.add("X-" + i, "v" + i);
      }
      h.add("x-0", "again");
      assertThat(h.names()).containsExactly("X-0", "X-1", "X-2", "X-3", "X-4");
      assertThat(h.get("X-0")).containsExactly("v0", "again");
    }
  }

  /** Short values are checked in a loop and long ones by indexOf: a bad character anywhere is found by both. */
  @Test
  void findsCrLfOrNulAtEveryPositionOfShortAndLongValues() {
    for (int length = 1; length <= 70; length++) {
      for (int at = 0; at < length; at++) {
        for (char bad : new char[] {'\r', '\n', '\0'}) {
          char[] chars = "a".repeat(length).toCharArray();
          chars[at] = bad;
          String value = new String(chars);
          assertThatThrownBy(() -> HttpHeaders.checkValue(value)).as("%d of %d", at, length)
              .isInstanceOf(IllegalArgumentException.class);
        }
      }
      HttpHeaders.checkValue("\t\u000b\u000c\u000e\u007f".repeat(length));
    }
  }

  /**
   * Copies share storage until one changes: any interleaving of changes (setAll included, which shares entries
   * between maps) keeps every copy independent.
   */
  @Property
  void copiesStayIndependentUnderAnyChanges(
      @ForAll @net.jqwik.api.constraints.Size(max = 40) java.util.List<@net.jqwik.api.constraints.IntRange(max = 999)
          Integer> ops) {
    java.util.List<HttpHeaders> maps = new java.util.ArrayList<>();
    java.util.List<java.util.Map<String, java.util.List<String>>> models = new java.util.ArrayList<>();
    maps.add(HttpHeaders.of("A", "0"));
    models.add(new java.util.LinkedHashMap<>(java.util.Map.of("a", java.util.List.of("0"))));
    for (int op : ops) {
      int target = op % maps.size();
      String name = "ABC".substring(op / 10 % 3, op / 10 % 3 + 1);
      String key = name.toLowerCase(java.util.Locale.ROOT);
      HttpHeaders h = maps.get(target);
      java.util.Map<String, java.util.List<String>> m = models.get(target);
      switch (op / 100 % 6) {
        case 0 -> {
          maps.add(h.copy());
          models.add(new java.util.LinkedHashMap<>(m));
        }
        case 1 -> {
          h.add(name, "v" + op);
          java.util.List<String> values = new java.util.ArrayList<>(m.getOrDefault(key, java.util.List.of()));
          values.add("v" + op);
          m.put(key, values);
        }
        case 2 -> {
          h.set(name, "s" + op);
          m.put(key, java.util.List.of("s" + op));
        }
        case 3 -> {
          h.remove(name);
          m.remove(key);
        }
        case 4 -> h.set(name, java.util.List.of());
        default -> { // another map's headers onto this one (sharing its entries)
          int source = op / 7 % maps.size();
          h.setAll(maps.get(source));
          m.putAll(new java.util.LinkedHashMap<>(models.get(source)));
        }
      }
      if (op / 100 % 6 == 4) {
        m.remove(key);
      }
      for (int i = 0; i < maps.size(); i++) {
        for (String n : java.util.List.of("a", "b", "c")) {
          assertThat(maps.get(i).get(n)).isEqualTo(models.get(i).getOrDefault(n, java.util.List.of()));
        }
        assertThat(maps.get(i).size()).isEqualTo(models.get(i).size());
        for (int k = 0; k < maps.get(i).size(); k++) {
          assertThat(maps.get(i).values(k)).isEqualTo(maps.get(i).get(maps.get(i).name(k)));
        }
      }
    }
  }

  @Test
  void setAllReplacesNamedHeadersInPlaceKeepingTheirSpellingAndAppendsTheRest() {
    HttpHeaders h = HttpHeaders.of("Vary", "Accept", "X-A", "1");
    HttpHeaders cors = HttpHeaders.of("vary", "Origin", "Access-Control-Allow-Origin", "https://a.test");
    cors.add("X-Multi", "1");
    cors.add("X-Multi", "2");
    h.setAll(cors).setAll(h);
    assertThat(h.names()).containsExactly("Vary", "X-A", "Access-Control-Allow-Origin", "X-Multi");
    assertThat(h.get("Vary")).containsExactly("Origin");
    assertThat(h.get("x-multi")).containsExactly("1", "2");
    cors.set("Vary", "Changed");
    cors.add("X-Multi", "3");
    assertThat(h.get("Vary")).containsExactly("Origin");
    assertThat(h.get("x-multi")).containsExactly("1", "2");
  }

  @Test
  void indexAccessVisitsHeadersInOrderWithReadOnlyValueLists() {
    HttpHeaders h = HttpHeaders.of("A", "1", "B", "2", "a", "3", "C", "4");
    h.set("b", List.of("5"));
    h.remove("C");
    assertThat(h.size()).isEqualTo(2);
    assertThat(h.name(0)).isEqualTo("A");
    assertThat(h.values(0)).isEqualTo(List.of("1", "3")).hasToString("[1, 3]");
    assertThat(h.name(1)).isEqualTo("B");
    assertThat(h.values(1)).isEqualTo(List.of("5")).hasSameHashCodeAs(List.of("5"));
    assertThat(h.get("b")).isSameAs(h.values(1));
    assertThatThrownBy(() -> h.values(0).add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.values(1).set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.values(1).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> h.name(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> h.values(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(h.toMap()).isEqualTo(java.util.Map.of("A", List.of("1", "3"), "B", List.of("5")));
  }

  @Test
  void setOfOneValueKeepsTheFirstSpellingAndRejectsNull() {
    HttpHeaders h = HttpHeaders.of("X-Id", "1");
    h.set("x-id", "2");
    h.set("Y", List.of("3"));
    assertThat(h.names()).containsExactly("X-Id", "Y");
    assertThat(h.first("X-ID")).isEqualTo("2");
    assertThatThrownBy(() -> h.set("X", (String) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> h.set("X", java.util.Arrays.asList((String) null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hopByHopHeadersAreKnownInAnyCase() {
    for (String name : java.util.List.of("Connection", "PROXY-CONNECTION", "keep-alive", "TE", "Trailer",
        "Transfer-Encoding", "upgrade")) {
      assertThat(HttpHeaders.isHopByHop(name)).as(name).isTrue();
    }
    for (String name : java.util.List.of("User-Agent", "Content-Length", "Host", "t", "Trailers", "Upgrade-X",
        "Connectio", "transfer-encodings", "")) {
      assertThat(HttpHeaders.isHopByHop(name)).as(name).isFalse();
    }
  }
}
