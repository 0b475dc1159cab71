package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.gatehouse.engine.expr.runtime.JObject;
import io.gatehouse.engine.expr.runtime.JProperty;
import io.gatehouse.engine.expr.runtime.JToken;
import io.gatehouse.engine.expr.runtime.JValue;

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
    if (c instanceof JObject o) {
      List<Object> out = new ArrayList<>();
      for (JProperty p : o.properties()) {
        out.add(new AbstractMap.SimpleImmutableEntry<>(p.name(), p.value()));
      }
      return out;
    }
    if (c instanceof JValue) {
      throw CsException.invalidOperation("Cannot access child value on Newtonsoft.Json.Linq.JValue.");
    }
    if (c instanceof JToken t) {
      return new ArrayList<>(t.children());
    }
    if (c instanceof Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.forEach(out::add);
      return out;
    }
    throw new CsException("InvalidCastException", "The value is not enumerable.");
  }
}
