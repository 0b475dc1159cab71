package io.gatehouse.engine.expr.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset of {@code SelectToken}: {@code $}, {@code a.b}, {@code a[0]}, {@code ['a b']},
 * {@code ["a"]}, {@code [*]}, {@code .*}, {@code ..name} (recursive), {@code [0,2]} and {@code ['a','b']} unions.
 * Missing members select nothing (Newtonsoft's errorWhenNoMatch = false).
 */
final class JsonPath {
  private JsonPath() {}

  static List<JToken> select(JToken root, String path) {
    if (path == null) {
      throw CsException.argumentNull("path");
    }
    List<JToken> current = new ArrayList<>(List.of(root));
    int i = 0;
    int n = path.length();
    if (i < n && path.charAt(i) == '$') {
      i++;
    }
    boolean first = true;
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.' && i + 1 < n && path.charAt(i + 1) == '.') {
        i += 2;
        int start = i;
        while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
          i++;
        }
        String name = path.substring(start, i);
        List<JToken> next = new ArrayList<>();
        for (JToken t : current) {
          for (JToken d : t.descendants()) {
            if (d instanceof JProperty p && (name.equals("*") || p.name().equals(name))) {
              next.add(p.value());
            }
          }
        }
        current = next;
      } else if (c == '.' || first && c != '[') {
        if (c == '.') {
          i++;
        }
        int start = i;
        while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
          i++;
        }
        String name = path.substring(start, i);
        if (name.isEmpty()) {
          throw pathError("Unexpected end while parsing path.");
        }
        current = name.equals("*") ? wildcard(current) : member(current, name);
      } else if (c == '[') {
        int end = findClose(path, i);
        String inner = path.substring(i + 1, end).trim();
        i = end + 1;
        if (inner.equals("*")) {
          current = wildcard(current);
        } else if (inner.startsWith("'") || inner.startsWith("\"")) {
          List<JToken> next = new ArrayList<>();
          for (String name : splitUnion(inner)) {
            next.addAll(member(current, unquote(name)));
          }
          current = next;
        } else {
          List<JToken> next = new ArrayList<>();
          for (String idx : inner.split(",")) {
            int k;
            try {
              k = Integer.parseInt(idx.trim());
            } catch (NumberFormatException e) {
              throw pathError("Unexpected character while parsing path indexer: " + idx.trim());
            }
            for (JToken t : current) {
              if (t instanceof JArray a) {
                int j = k < 0 ? a.count() + k : k;
                if (j >= 0 && j < a.count()) {
                  next.add(a.get(j));
                }
              }
            }
          }
          current = next;
        }
      } else {
        throw pathError("Unexpected character while parsing path: " + c);
      }
      first = false;
    }
    return current;
  }

  private static List<JToken> member(List<JToken> current, String name) {
    List<JToken> next = new ArrayList<>();
    for (JToken t : current) {
      if (t instanceof JObject o) {
        JToken v = o.get(name);
        if (v != null) {
          next.add(v);
        }
      }
    }
    return next;
  }

  private static List<JToken> wildcard(List<JToken> current) {
    List<JToken> next = new ArrayList<>();
    for (JToken t : current) {
      next.addAll(t.values());
    }
    return next;
  }

  private static int findClose(String path, int open) {
    char quote = 0;
    for (int i = open + 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ']') {
        return i;
      }
    }
    throw pathError("Path ended with open indexer.");
  }

  private static List<String> splitUnion(String inner) {
    List<String> out = new ArrayList<>();
    char quote = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ',') {
        out.add(inner.substring(start, i).trim());
        start = i + 1;
      }
    }
    out.add(inner.substring(start).trim());
    return out;
  }

  private static String unquote(String q) {
    if (q.length() < 2 || q.charAt(q.length() - 1) != q.charAt(0)) {
      throw pathError("Path ended with an open string.");
    }
    return q.substring(1, q.length() - 1).replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static CsException pathError(String message) {
    return new CsException("JsonException", message);
  }
}
