package io.gatehouse.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Enumeration of runtime collections as C# {@code IEnumerable<T>}; LINQ results are eager ArrayLists. */
final class Sequences {
  private Sequences() {}

  static List<Object> iterate(Object c) {
    if (c instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      return list;
    }
    if (c instanceof Object[] arr) {
      return Arrays.asList(arr);
    }
    if (c instanceof byte[] bytes) {
      List<Object> out = new ArrayList<>(bytes.length);
      for (byte x : bytes) {
        out.add(x);
      }
      return out;
    }
    if (c instanceof String s) {
      List<Object> out = new ArrayList<>(s.length());
      for (int i = 0; i < s.length(); i++) {
        out.add(s.charAt(i));
      }
      return out;
    }
    if (c instanceof CsDictionary d) {
      return d.entries();
    }
    if (c instanceof JsonNode n) {
      List<Object> out = new ArrayList<>();
      if (n.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          out.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
      } else if (n.isArray()) {
        n.forEach(out::add);
      } else {
        throw Values.fail("InvalidOperationException", "Cannot access child value on Newtonsoft.Json.Linq.JValue.");
      }
      return out;
    }
    if (c instanceof Json.Property p) {
      return List.of(p.value());
    }
    if (c instanceof Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.forEach(out::add);
      return out;
    }
    throw Values.fail("InvalidCastException", "The value is not enumerable.");
  }
}
