package io.gatehouse.engine.policy;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Turns a set-body or find-and-replace value into body bytes: {@code byte[]} raw, {@code string} as UTF-8, null as no
 * body, anything else as its C# {@code ToString()} (a JObject prints as indented JSON).
 */
final class BodyText {
  private BodyText() {}

  static byte[] bytes(Object value, Function<Object, String> csharpToString) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] b) {
      return b;
    }
    if (value instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    return csharpToString.apply(value).getBytes(StandardCharsets.UTF_8);
  }
}
