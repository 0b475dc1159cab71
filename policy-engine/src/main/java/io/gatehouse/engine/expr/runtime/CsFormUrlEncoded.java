package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The APIM form helpers (spec 8.15): {@code IMessageBody.AsFormUrlEncodedContent()} parses
 * {@code application/x-www-form-urlencoded} text into name → values (repeated names collect their values in order),
 * {@code ToFormUrlEncodedContent()} and {@code ToQueryString()} write it back.
 */
public final class CsFormUrlEncoded {
  private CsFormUrlEncoded() {}

  /** {@code a=1&b=2&a=3} → {@code {a: [1, 3], b: [2]}}; names and values are URL-decoded ({@code +} is a space). */
  public static Map<String, String[]> parse(String text) {
    Map<String, List<String>> collected = new LinkedHashMap<>();
    if (text != null && !text.isEmpty()) {
      for (String pair : text.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = CsWebUtility.urlDecode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : CsWebUtility.urlDecode(pair.substring(eq + 1));
        collected.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    Map<String, String[]> out = new LinkedHashMap<>();
    collected.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
    return out;
  }

  /** {@code name → values} → {@code a=1&b=2&a=3} (each value its own pair, URL-encoded). */
  public static String format(Iterable<? extends Map.Entry<?, ?>> entries) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<?, ?> e : entries) {
      String name = CsWebUtility.urlEncode(CsFormat.toDisplayString(e.getKey()));
      Object v = e.getValue();
      Iterable<?> values = v instanceof Object[] arr ? List.of(arr) : v instanceof Iterable<?> it ? it
          : java.util.Collections.singletonList(v);
      for (Object x : values) {
        sb.append(sb.length() == 0 ? "" : "&").append(name).append('=')
            .append(CsWebUtility.urlEncode(CsFormat.toDisplayString(x)));
      }
    }
    return sb.toString();
  }
}
