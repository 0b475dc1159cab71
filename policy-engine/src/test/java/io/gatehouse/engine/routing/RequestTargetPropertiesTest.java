package io.gatehouse.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.context.UrlCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RequestTarget} reads segments in place; these properties hold it to the list of split, decoded and
 * lower-cased segments it replaced.
 */
class RequestTargetPropertiesTest {
  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("aB/.;=%{}*2Fxé İK+ ").ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.strings().withChars("ab/.;=%2fxé i̇k").ofMaxLength(6);
  }

  @Property(tries = 3000)
  void agreesWithSplitSegments(@ForAll("paths") String path, @ForAll("literals") String literal) {
    List<String> raw = split(path);
    RequestTarget target = new RequestTarget(path, null);
    assertThat(target.segmentCount()).isEqualTo(raw.size());
    assertThat(target.matchLength())
        .isEqualTo(!raw.isEmpty() && raw.get(raw.size() - 1).isEmpty() ? raw.size() - 1 : raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String decoded = UrlCodec.decode(raw.get(i), false);
      String lower = decoded.toLowerCase(Locale.ROOT);
      assertThat(target.decoded(i)).isEqualTo(decoded);
      assertThat(target.segmentEmpty(i)).isEqualTo(decoded.isEmpty());
      assertThat(target.segmentEquals(i, lower)).isTrue();
      assertThat(target.segmentEquals(i, literal)).isEqualTo(lower.equals(literal));
    }
    for (int from = 0; from <= raw.size() + 1; from++) {
      String expected = from >= raw.size() ? "" : "/" + String.join("/", raw.subList(from, raw.size()));
      assertThat(target.rawPathFrom(from)).isEqualTo(expected);
    }
  }

  @Example
  void unicodeCaseFoldingGoesThroughTheDecodedSegment() {
    RequestTarget target = new RequestTarget("/%C4%B0/\u212A/ABC", null);
    assertThat(target.segmentEquals(0, "\u0130".toLowerCase(Locale.ROOT))).isTrue();
    assertThat(target.segmentEquals(1, "k")).isTrue(); // the Kelvin sign lower-cases to k
    assertThat(target.segmentEquals(2, "abc")).isTrue();
    assertThat(target.segmentEquals(2, "abd")).isFalse();
  }

  /** The split RequestTarget used before reading segments in place. */
  private static List<String> split(String path) {
    List<String> segments = new ArrayList<>();
    if (path.isEmpty() || path.equals("/")) {
      return segments;
    }
    int start = path.startsWith("/") ? 1 : 0;
    for (int i = start; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        segments.add(path.substring(start, i));
        start = i + 1;
      }
    }
    return segments;
  }
}
