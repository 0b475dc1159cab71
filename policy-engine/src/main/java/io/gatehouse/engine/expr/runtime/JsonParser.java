package io.gatehouse.engine.expr.runtime;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Newtonsoft {@code JsonTextReader} + {@code JToken.ReadFrom} defaults: comments skipped, single-quoted strings and
 * unquoted property names accepted, trailing commas tolerated, duplicate names → last wins, integers as {@code long}
 * ({@link BigInteger} when larger), reals as {@code double}, {@code NaN}/{@code Infinity}, ISO-8601 strings → Date
 * tokens (DateParseHandling.DateTime, RoundtripKind), MaxDepth 64. Errors are JsonReaderException with
 * "Path '…', line L, position P.".
 */
final class JsonParser {
  static final int MAX_DEPTH = 64;
  private static final Pattern ISO_DATE = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

  private static final Pattern FLOAT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern HEX = Pattern.compile("-?0[xX][0-9a-fA-F]+");

  private final String s;
  private int pos;

  private JsonParser(String s) {
    this.s = s;
  }

  /** Parses one JSON value; {@code expectedRoot} Object/Array enforces JObject.Parse/JArray.Parse rules. */
  static JToken parse(String json, JTokenType expectedRoot) {
    if (json == null) {
      throw CsException.argumentNull("json");
    }
    JsonParser p = new JsonParser(json);
    p.skipWs();
    String what = expectedRoot == JTokenType.Object ? "JObject" : expectedRoot == JTokenType.Array ? "JArray" : "JToken";
    if (p.pos >= json.length()) {
      throw new CsException("JsonReaderException", "Error reading " + what + " from JsonReader. Path '', line 0, position 0.");
    }
    char c = json.charAt(p.pos);
    if (expectedRoot == JTokenType.Object && c != '{') {
      throw p.error("Error reading JObject from JsonReader. Current JsonReader item is not an object: "
          + readerItem(c) + ".", 1);
    }
    if (expectedRoot == JTokenType.Array && c != '[') {
      throw p.error("Error reading JArray from JsonReader. Current JsonReader item is not an array: "
          + readerItem(c) + ".", 1);
    }
    JToken t = p.value(0);
    p.skipWs();
    if (p.pos < json.length()) {
      throw p.error("Additional text encountered after finished reading JSON content: " + json.charAt(p.pos) + ".", 0);
    }
    return t;
  }

  private static String readerItem(char c) {
    return switch (c) {
      case '{' -> "StartObject";
      case '[' -> "StartArray";
      case '"', '\'' -> "String";
      case 't', 'f' -> "Boolean";
      case 'n' -> "Null";
      default -> Character.isDigit(c) || c == '-' ? "Integer" : "Undefined";
    };
  }

  private JToken value(int depth) {
    skipWs();
    if (pos >= s.length()) {
      throw error("Unexpected end of content while loading JToken.", 0);
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
      case '\'': {
        String str = string(c);
        CsDateTime d = tryDate(str);
        return d != null ? new JValue(d) : new JValue(str);
      }
      default:
        break;
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return number();
    }
    String word = word();
    switch (word) {
      case "true":
        return new JValue(Boolean.TRUE);
      case "false":
        return new JValue(Boolean.FALSE);
      case "null":
        return JValue.createNull();
      case "undefined":
        return JValue.createUndefined();
      case "NaN":
        return new JValue(Double.NaN);
      case "Infinity":
        return new JValue(Double.POSITIVE_INFINITY);
      default:
        throw error("Unexpected character encountered while parsing value: " + c + ".", 1);
    }
  }

  private JObject object(int depth) {
    checkDepth(depth);
    pos++;
    JObject o = new JObject();
    while (true) {
      skipWs();
      if (pos >= s.length()) {
        throw error("Unexpected end of content while loading JObject.", 0);
      }
      char c = s.charAt(pos);
      if (c == '}') {
        pos++;
        return o;
      }
      String name;
      if (c == '"' || c == '\'') {
        name = string(c);
      } else {
        name = word();
        if (name.isEmpty()) {
          throw error("Invalid property identifier character: " + c + ".", 1);
        }
      }
      skipWs();
      if (pos >= s.length() || s.charAt(pos) != ':') {
        throw error("Invalid character after parsing property name. Expected ':' but got: "
            + (pos < s.length() ? s.charAt(pos) : "end") + ".", 1);
      }
      pos++;
      JToken v = value(depth);
      o.set(name, v);
      skipWs();
      if (pos < s.length() && s.charAt(pos) == ',') {
        pos++;
      } else if (pos < s.length() && s.charAt(pos) != '}') {
        throw error("After parsing a value an unexpected character was encountered: " + s.charAt(pos) + ".", 1);
      }
    }
  }

  private JArray array(int depth) {
    checkDepth(depth);
    pos++;
    JArray a = new JArray();
    while (true) {
      skipWs();
      if (pos >= s.length()) {
        throw error("Unexpected end of content while loading JArray.", 0);
      }
      if (s.charAt(pos) == ']') {
        pos++;
        return a;
      }
      a.add(value(depth));
      skipWs();
      if (pos < s.length() && s.charAt(pos) == ',') {
        pos++;
      } else if (pos < s.length() && s.charAt(pos) != ']') {
        throw error("After parsing a value an unexpected character was encountered: " + s.charAt(pos) + ".", 1);
      }
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("The reader's MaxDepth of " + MAX_DEPTH + " has been exceeded.", 1);
    }
  }

  private String string(char quote) {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error("Unterminated string. Expected delimiter: " + quote + ".", 0);
      }
      char c = s.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= s.length()) {
        throw error("Unterminated string. Expected delimiter: " + quote + ".", 0);
      }
      char e = s.charAt(pos++);
      switch (e) {
        case 'b' -> sb.append('\b');
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'f' -> sb.append('\f');
        case 'r' -> sb.append('\r');
        case '\\', '"', '\'', '/' -> sb.append(e);
        case 'u' -> {
          if (pos + 4 > s.length()) {
            throw error("Unexpected end while parsing Unicode escape sequence.", 0);
          }
          try {
            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("Invalid Unicode escape sequence: \\u" + s.substring(pos, pos + 4) + ".", 0);
          }
          pos += 4;
        }
        default -> throw error("Bad JSON escape sequence: \\" + e + ".", 0);
      }
    }
  }

  private JToken number() {
    int start = pos;
    while (pos < s.length() && "+-.0123456789eExXabcdefABCDEF".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String text = s.substring(start, pos);
    if (text.equals("-") && s.startsWith("Infinity", pos)) {
      pos += 8;
      return new JValue(Double.NEGATIVE_INFINITY);
    }
    try {
      if (isInteger(text)) {
        if (text.length() <= 18) {
          return new JValue(Long.parseLong(text));
        }
        BigInteger bi = new BigInteger(text);
        return bi.bitLength() <= 63 ? new JValue(bi.longValue()) : new JValue(bi);
      }
      if (FLOAT.matcher(text).matches() && text.length() < 1000) {
        return new JValue(Double.parseDouble(text));
      }
      if (HEX.matcher(text).matches()) {
        boolean neg = text.startsWith("-");
        BigInteger bi = new BigInteger(text.substring(neg ? 3 : 2), 16);
        return new JValue(neg ? bi.negate() : bi);
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw error("Input string '" + text + "' is not a valid number.", 0);
  }

  /** {@code -?(0|[1-9][0-9]*)}, the common case, without a regex. */
  private static boolean isInteger(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    int n = text.length();
    if (i >= n || text.charAt(i) == '0' && n > i + 1) {
      return false;
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private String word() {
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
        || s.charAt(pos) == '$')) {
      pos++;
    }
    return s.substring(start, pos);
  }

  private void skipWs() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\u00a0' || c == '\ufeff') {
        pos++;
      } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
        int end = s.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("Unexpected end while parsing comment.", 0);
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private CsException error(String message, int advance) {
    int line = 1;
    int col = 0;
    int upto = Math.min(pos + advance, s.length());
    for (int i = 0; i < upto; i++) {
      if (s.charAt(i) == '\n') {
        line++;
        col = 0;
      } else {
        col++;
      }
    }
    return CsException.jsonReader(message, line, col);
  }

  /** Newtonsoft DateParseHandling.DateTime with RoundtripKind: Z → Utc, offset → Local, none → Unspecified. */
  static CsDateTime tryDate(String str) {
    if (str.length() < 19 || str.length() > 40 || !Character.isDigit(str.charAt(0)) || str.charAt(4) != '-') {
      return null;
    }
    Matcher m = ISO_DATE.matcher(str);
    if (!m.matches()) {
      return null;
    }
    try {
      CsDateTime base = CsDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          Integer.parseInt(m.group(6)), 0, CsDateTimeKind.Unspecified);
      long frac = m.group(7) == null ? 0 : Long.parseLong((m.group(7) + "000000").substring(0, 7));
      long ticks = base.ticks() + frac;
      String zone = m.group(8);
      if (zone == null) {
        return CsDateTime.ofTicks(ticks, CsDateTimeKind.Unspecified);
      }
      if (zone.equals("Z")) {
        return CsDateTime.ofTicks(ticks, CsDateTimeKind.Utc);
      }
      int sign = zone.charAt(0) == '-' ? -1 : 1;
      String d = zone.substring(1).replace(":", "");
      int minutes = Integer.parseInt(d.substring(0, 2)) * 60 + (d.length() > 2 ? Integer.parseInt(d.substring(2)) : 0);
      return CsDateTime.ofTicks(ticks - sign * minutes * CsTimeSpan.TICKS_PER_MINUTE, CsDateTimeKind.Local);
    } catch (CsException | NumberFormatException e) {
      return null;
    }
  }
}
