package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.List;

/** {@code Newtonsoft.Json.Linq.JContainer}: common base of {@link JObject}, {@link JArray} and {@link JProperty}. */
public abstract class JContainer extends JToken {
  JContainer() {}

  /** {@code Count}. */
  public int count() {
    return children().size();
  }

  @Override
  public boolean hasValues() {
    return !children().isEmpty();
  }

  abstract void removeChild(JToken child);

  abstract void replaceChild(JToken child, JToken replacement);

  abstract void insertAfter(JToken child, Object content);

  /** Adopts a token: a token that already has a parent is deep-cloned first (Newtonsoft behaviour). */
  JToken adopt(JToken t) {
    JToken c = t.parent != null || t == this ? t.deepClone() : t;
    c.parent = this;
    return c;
  }

  /** Flattens "multi content" (arrays and iterables other than strings/tokens) as Newtonsoft's AddInternal does. */
  static List<Object> iterate(Object content) {
    List<Object> out = new ArrayList<>();
    if (content instanceof Object[] arr) {
      out.addAll(java.util.Arrays.asList(arr));
    } else if (content instanceof int[] a) {
      for (int v : a) {
        out.add(v);
      }
    } else if (content instanceof long[] a) {
      for (long v : a) {
        out.add(v);
      }
    } else if (content instanceof double[] a) {
      for (double v : a) {
        out.add(v);
      }
    } else if (content instanceof boolean[] a) {
      for (boolean v : a) {
        out.add(v);
      }
    } else if (content instanceof Iterable<?> it && !(content instanceof JToken)) {
      for (Object o : it) {
        out.add(o);
      }
    } else {
      out.add(content);
    }
    return out;
  }

  static boolean isMultiContent(Object content) {
    return content instanceof Object[] || content instanceof int[] || content instanceof long[]
        || content instanceof double[] || content instanceof boolean[]
        || content instanceof Iterable<?> && !(content instanceof JToken);
  }
}
