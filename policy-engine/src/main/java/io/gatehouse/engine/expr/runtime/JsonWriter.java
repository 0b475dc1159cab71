package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;

/**
 * Newtonsoft {@code JsonTextWriter} output: {@code "name": value} with two-space indentation and
 * {@link CsRuntimeSettings#NEW_LINE} when indented; doubles as {@code ToString("R")} with a forced {@code .0};
 * dates as ISO {@code yyyy-MM-ddTHH:mm:ss.FFFFFFFK}; default string escaping (control chars, quotes, backslash,
 * U+0085/U+2028/U+2029).
 */
final class JsonWriter {
  private JsonWriter() {}

  static void write(JToken t, boolean indented, int level, StringBuilder sb) {
    CsException.checkLength(sb.length());
    if (t instanceof JValue v) {
      writeValue(v.value(), v.type(), sb);
    } else if (t instanceof JProperty p) {
      quote(p.name(), sb);
      sb.append(indented ? ": " : ":");
      write(p.value(), indented, level, sb);
    } else if (t instanceof JObject o) {
      container(o.properties(), '{', '}', indented, level, sb);
    } else if (t instanceof JArray a) {
      container(a.children(), '[', ']', indented, level, sb);
    }
  }

  private static void container(java.util.List<? extends JToken> items, char open, char close, boolean indented,
      int level, StringBuilder sb) {
    sb.append(open);
    if (items.isEmpty()) {
      sb.append(close);
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (indented) {
        newLine(level + 1, sb);
      }
      write(items.get(i), indented, level + 1, sb);
    }
    if (indented) {
      newLine(level, sb);
    }
    sb.append(close);
  }

  private static void newLine(int level, StringBuilder sb) {
    sb.append(CsRuntimeSettings.NEW_LINE);
    for (int i = 0; i < level; i++) {
      sb.append("  ");
    }
  }

  static void writeValue(Object v, JTokenType type, StringBuilder sb) {
    if (v == null) {
      sb.append(type == JTokenType.Undefined ? "undefined" : "null");
    } else if (v instanceof String s) {
      quote(s, sb);
    } else if (v instanceof Character c) {
      quote(c.toString(), sb);
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Double d) {
      sb.append(doubleText(d, CsNumberFormat.formatDouble(d)));
    } else if (v instanceof Float f) {
      sb.append(doubleText(f, CsNumberFormat.formatFloat(f)));
    } else if (v instanceof BigDecimal d) {
      sb.append(ensureDecimalPlace(CsNumberFormat.formatDecimal(d)));
    } else if (v instanceof CsDateTime d) {
      quote(isoDate(d), sb);
    } else if (v instanceof CsDateTimeOffset d) {
      quote(d.toString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz"), sb);
    } else if (v instanceof byte[] b) {
      quote(CsConvert.toBase64String(b), sb);
    } else if (v instanceof Number) {
      sb.append(v);
    } else {
      quote(CsFormat.toDisplayString(v), sb);
    }
  }

  /** Newtonsoft's ISO date text: fraction without trailing zeros, K suffix by Kind. */
  static String isoDate(CsDateTime d) {
    return d.toString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK");
  }

  private static String doubleText(double d, String text) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "\"" + text + "\"";
    }
    return ensureDecimalPlace(text);
  }

  private static String ensureDecimalPlace(String text) {
    return text.indexOf('.') >= 0 || text.indexOf('E') >= 0 ? text : text + ".0";
  }

  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
