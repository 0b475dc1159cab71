package io.gatehouse.engine.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** C# lexical grammar (spec expressions.md section 3) over a range of the expression text. */
final class Lexer {
  /** A hole of an interpolated string: expression range, optional alignment range, optional format. */
  record Hole(int start, int end, int alignStart, int alignEnd, String format) {}

  static final Set<String> KEYWORDS = Set.of(
      "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
      "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false",
      "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal",
      "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private",
      "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
      "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
      "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while");

  private static final String[] PUNCTS = {
      "<<=", "??=", "...", "::", "++", "--", "&&", "||", "->", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=",
      "&=", "|=", "^=", "<<", "??", "?.", "=>", "{", "}", "[", "]", "(", ")", ".", ",", ":", ";", "+", "-", "*", "/",
      "%", "&", "|", "^", "!", "~", "=", "<", ">", "?"};

  private final String src;
  private final int limit;
  private int pos;

  Lexer(String src, int start, int limit) {
    this.src = src;
    this.pos = start;
    this.limit = limit;
  }

  /** All tokens of the range, ending with EOF. */
  List<Token> tokenize() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipTrivia();
      if (pos >= limit) {
        out.add(new Token(Token.Kind.EOF, "<end>", null, limit, limit));
        return out;
      }
      out.add(next());
    }
  }

  private char at(int i) {
    return i < limit ? src.charAt(i) : '\0';
  }

  private void skipTrivia() {
    while (pos < limit) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pos++;
      } else if (c == '/' && at(pos + 1) == '/') {
        while (pos < limit && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
          pos++;
        }
      } else if (c == '/' && at(pos + 1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0 || end + 2 > limit) {
          throw new CompileError(pos, "unterminated comment");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private Token next() {
    int start = pos;
    char c = src.charAt(pos);
    if (c == '@' && at(pos + 1) == '"') {
      pos += 2;
      return new Token(Token.Kind.STRING, src.substring(start, pos), verbatimBody(), start, endOf());
    }
    if ((c == '$' && at(pos + 1) == '"') || (c == '$' && at(pos + 1) == '@' && at(pos + 2) == '"')
        || (c == '@' && at(pos + 1) == '$' && at(pos + 2) == '"')) {
      boolean verbatim = at(pos + 1) == '@' || c == '@';
      pos += verbatim ? 3 : 2;
      List<Object> parts = interpolated(start, verbatim);
      return new Token(Token.Kind.INTERPOLATED, src.substring(start, pos), parts, start, pos);
    }
    if (c == '@' && isIdentStart(at(pos + 1))) {
      pos++;
      String id = identifier();
      return new Token(Token.Kind.IDENT, id, null, start, pos);
    }
    if (isIdentStart(c)) {
      String id = identifier();
      return new Token(KEYWORDS.contains(id) ? Token.Kind.KEYWORD : Token.Kind.IDENT, id, null, start, pos);
    }
    if (Character.isDigit(c) || (c == '.' && Character.isDigit(at(pos + 1)))) {
      return number();
    }
    if (c == '"') {
      pos++;
      String s = regularBody('"', start);
      return new Token(Token.Kind.STRING, src.substring(start, pos), s, start, pos);
    }
    if (c == '\'') {
      pos++;
      String s = regularBody('\'', start);
      if (s.length() != 1) {
        throw new CompileError(start, s.isEmpty() ? "empty character literal"
            : "too many characters in character literal (use \"...\" for strings)");
      }
      return new Token(Token.Kind.CHAR, src.substring(start, pos), s.charAt(0), start, pos);
    }
    for (String p : PUNCTS) {
      if (p.equals("?.") && Character.isDigit(at(pos + 2))) {
        continue; // C#: `a ?.5 : b` is `?` then the real literal `.5`
      }
      if (src.startsWith(p, pos) && pos + p.length() <= limit) {
        pos += p.length();
        return new Token(Token.Kind.PUNCT, p, null, start, pos);
      }
    }
    throw new CompileError(start, "unexpected character %s", String.valueOf(c));
  }

  private int endOf() {
    return pos;
  }

  private static boolean isIdentStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  private String identifier() {
    int s = pos;
    while (pos < limit && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    return src.substring(s, pos);
  }

  private Token number() {
    int start = pos;
    boolean real = false;
    String digits;
    int radix = 10;
    if (at(pos) == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X' || at(pos + 1) == 'b' || at(pos + 1) == 'B')) {
      radix = Character.toLowerCase(at(pos + 1)) == 'x' ? 16 : 2;
      pos += 2;
      int s = pos;
      while (Character.digit(at(pos), radix) >= 0 || at(pos) == '_') {
        pos++;
      }
      digits = src.substring(s, pos).replace("_", "");
      if (digits.isEmpty()) {
        throw new CompileError(start, "invalid number");
      }
    } else {
      int s = pos;
      while (Character.isDigit(at(pos)) || at(pos) == '_') {
        pos++;
      }
      if (at(pos) == '.' && Character.isDigit(at(pos + 1))) {
        real = true;
        pos++;
        while (Character.isDigit(at(pos)) || at(pos) == '_') {
          pos++;
        }
      }
      if (at(pos) == 'e' || at(pos) == 'E') {
        int e = pos + 1;
        if (at(e) == '+' || at(e) == '-') {
          e++;
        }
        if (Character.isDigit(at(e))) {
          real = true;
          pos = e;
          while (Character.isDigit(at(pos))) {
            pos++;
          }
        }
      }
      digits = src.substring(s, pos).replace("_", "");
    }
    char s1 = Character.toLowerCase(at(pos));
    char s2 = Character.toLowerCase(at(pos + 1));
    String text;
    try {
      if (radix == 10 && (s1 == 'f' || s1 == 'd' || s1 == 'm')) {
        pos++;
        text = src.substring(start, pos);
        if (s1 == 'f') {
          return new Token(Token.Kind.FLOAT, text, Float.parseFloat(digits), start, pos);
        }
        if (s1 == 'd') {
          return new Token(Token.Kind.DOUBLE, text, Double.parseDouble(digits), start, pos);
        }
        return new Token(Token.Kind.DECIMAL, text, new BigDecimal(digits), start, pos);
      }
      if (real) {
        text = src.substring(start, pos);
        return new Token(Token.Kind.DOUBLE, text, Double.parseDouble(digits), start, pos);
      }
      java.math.BigInteger v = new java.math.BigInteger(digits, radix);
      boolean u = false;
      boolean l = false;
      if (s1 == 'u' || s1 == 'l') {
        u = s1 == 'u' || s2 == 'u';
        l = s1 == 'l' || s2 == 'l';
        pos += (s2 == 'u' || s2 == 'l') && s1 != s2 ? 2 : 1;
      }
      text = src.substring(start, pos);
      if (isIdentStart(at(pos)) || Character.isDigit(at(pos))) {
        throw new CompileError(start, "invalid number");
      }
      if (v.bitLength() > 64) {
        throw new CompileError(start, "integral constant is too large");
      }
      if (!u && !l && v.bitLength() <= 31) {
        return new Token(Token.Kind.INT, text, v.intValue(), start, pos);
      }
      if (!l && v.bitLength() <= 32) {
        return new Token(Token.Kind.UINT, text, v.longValue(), start, pos);
      }
      if (!u && v.bitLength() <= 63) {
        return new Token(Token.Kind.LONG, text, v.longValue(), start, pos);
      }
      return new Token(Token.Kind.ULONG, text, v.longValue(), start, pos);
    } catch (NumberFormatException e) {
      throw new CompileError(start, "invalid number");
    }
  }

  /** Body of a regular string or char literal after the opening quote; leaves pos after the closing quote. */
  private String regularBody(char quote, int start) {
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= limit || src.charAt(pos) == '\n' || src.charAt(pos) == '\r') {
        throw new CompileError(start, quote == '"' ? "unterminated string literal" : "unterminated character literal");
      }
      char c = src.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\') {
        escape(sb);
      } else {
        sb.append(c);
      }
    }
  }

  private void escape(StringBuilder sb) {
    int s = pos - 1;
    char e = at(pos++);
    switch (e) {
      case '\'', '"', '\\' -> sb.append(e);
      case '0' -> sb.append('\0');
      case 'a' -> sb.append('\u0007');
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'v' -> sb.append('\u000B');
      case 'x' -> {
        int v = 0;
        int n = 0;
        while (n < 4 && Character.digit(at(pos), 16) >= 0) {
          v = v * 16 + Character.digit(at(pos++), 16);
          n++;
        }
        if (n == 0) {
          throw new CompileError(s, "invalid escape sequence");
        }
        sb.append((char) v);
      }
      case 'u', 'U' -> {
        int len = e == 'u' ? 4 : 8;
        int v = 0;
        for (int i = 0; i < len; i++) {
          int d = Character.digit(at(pos), 16);
          if (d < 0) {
            throw new CompileError(s, "invalid escape sequence");
          }
          v = v * 16 + d;
          pos++;
        }
        if (!Character.isValidCodePoint(v)) {
          throw new CompileError(s, "invalid escape sequence");
        }
        sb.appendCodePoint(v);
      }
      default -> throw new CompileError(s, "invalid escape sequence");
    }
  }

  private String verbatimBody() {
    int start = pos - 2;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= limit) {
        throw new CompileError(start, "unterminated string literal");
      }
      char c = src.charAt(pos++);
      if (c == '"') {
        if (at(pos) == '"') {
          sb.append('"');
          pos++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
  }

  private List<Object> interpolated(int start, boolean verbatim) {
    List<Object> parts = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= limit || (!verbatim && (src.charAt(pos) == '\n' || src.charAt(pos) == '\r'))) {
        throw new CompileError(start, "unterminated interpolated string");
      }
      char c = src.charAt(pos++);
      if (c == '"') {
        if (verbatim && at(pos) == '"') {
          sb.append('"');
          pos++;
          continue;
        }
        if (sb.length() > 0) {
          parts.add(sb.toString());
        }
        return parts;
      }
      if (c == '{' && at(pos) == '{') {
        sb.append('{');
        pos++;
      } else if (c == '}' && at(pos) == '}') {
        sb.append('}');
        pos++;
      } else if (c == '}') {
        throw new CompileError(pos - 1, "'}' in an interpolated string must be doubled");
      } else if (c == '{') {
        if (sb.length() > 0) {
          parts.add(sb.toString());
          sb.setLength(0);
        }
        parts.add(hole(pos - 1));
      } else if (c == '\\' && !verbatim) {
        escape(sb);
      } else {
        sb.append(c);
      }
    }
  }

  private Hole hole(int open) {
    int exprStart = pos;
    int exprEnd = scanBalanced(open);
    int alignStart = -1;
    int alignEnd = -1;
    String format = null;
    if (at(pos) == ',') {
      pos++;
      alignStart = pos;
      alignEnd = scanBalanced(open);
    }
    if (at(pos) == ':') {
      pos++;
      int s = pos;
      while (pos < limit && src.charAt(pos) != '}' && src.charAt(pos) != '"') {
        pos++;
      }
      format = src.substring(s, pos);
    }
    if (at(pos) != '}') {
      throw new CompileError(open, "unterminated interpolation hole");
    }
    pos++;
    if (exprStart == exprEnd || src.substring(exprStart, exprEnd).isBlank()) {
      throw new CompileError(open, "empty interpolation hole");
    }
    return new Hole(exprStart, exprEnd, alignStart, alignEnd, format);
  }

  /** Scans C# text until a top-level ',', ':' or '}'; returns the end offset (pos stays on the stopper). */
  private int scanBalanced(int open) {
    int depth = 0;
    while (pos < limit) {
      char c = src.charAt(pos);
      if (depth == 0 && (c == '}' || c == ':' || c == ',')) {
        if (c == ':' && at(pos + 1) == ':') {
          pos += 2;
          continue;
        }
        return pos;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
        pos++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        pos++;
      } else if (c == '"' || c == '\'' || c == '$' || (c == '@' && (at(pos + 1) == '"' || at(pos + 1) == '$'))) {
        if (c == '$' && at(pos + 1) != '"' && at(pos + 1) != '@') {
          pos++;
        } else {
          next();
        }
      } else if (c == '\n' || c == '\r') {
        pos++;
      } else {
        pos++;
      }
    }
    throw new CompileError(open, "unterminated interpolation hole");
  }
}
