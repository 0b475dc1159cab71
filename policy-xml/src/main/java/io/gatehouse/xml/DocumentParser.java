package io.gatehouse.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads one document for {@link PolicyReader}. Single use, not thread-safe.
 *
 * <p>Malformed XML is reported once and ends reading: the internal {@link Stop} unwinds to {@link #parse()}, which
 * returns null. Named-value problems are reported and reading continues.
 */
final class DocumentParser {

  /** Unwinds after a fatal diagnostic was reported; never escapes this class. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** An element whose end tag has not been read yet. */
  private static final class Open {
    final String name;
    final int start;
    final List<XmlAttribute> attributes;
    final List<XmlNode> children = new ArrayList<>();
    boolean selfClosing;

    Open(String name, int start, List<XmlAttribute> attributes) {
      this.name = name;
      this.start = start;
      this.attributes = attributes;
    }

    XmlElement build(LineMap lines) {
      return new XmlElement(name, attributes, children, lines.position(start));
    }
  }

  private final String src;
  private final String origin;
  private final LineMap lines;
  private final NamedValueResolver namedValues;
  private final ReaderLimits limits;
  private final boolean unknownNamedValuesAreWarnings;
  private final Diagnostics diagnostics;

  private int pos;
  private long expanded;
  private final TextBuffer buf = new TextBuffer();

  // pending character data of the innermost open element
  private boolean pendingNonWhitespace;
  private boolean pendingHasExpression;
  private boolean liquidText;

  // lazy decoding feeding the expression scanner
  private int decodePtr;
  private boolean decodeReferences;
  private int scanLimit;
  private int scanOwner;

  DocumentParser(PolicySource source, NamedValueResolver namedValues, ReaderLimits limits,
      boolean unknownNamedValuesAreWarnings, Diagnostics diagnostics) {
    this.src = source.text();
    this.origin = source.origin();
    this.lines = new LineMap(origin, src.length() > limits.maxDocumentChars() ? "" : src);
    this.namedValues = namedValues;
    this.limits = limits;
    this.unknownNamedValuesAreWarnings = unknownNamedValuesAreWarnings;
    this.diagnostics = diagnostics;
  }

  PolicyDocument parse() {
    if (src.length() > limits.maxDocumentChars()) {
      diagnostics.error(Position.start(origin), "document is too large: " + src.length()
          + " characters, the limit is " + limits.maxDocumentChars());
      return null;
    }
    try {
      checkCharacters();
      return document();
    } catch (Stop stop) {
      return null;
    }
  }

  private void checkCharacters() {
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
        fail(i, "character " + describe(c) + " is not allowed in XML");
      }
    }
  }

  private PolicyDocument document() {
    if (src.startsWith("\uFEFF")) {
      pos = 1;
    }
    skipMisc(true);
    if (pos >= src.length()) {
      fail(pos, "document has no root element; expected <policies> or <fragment>");
    }
    XmlElement root = elementTree();
    skipMisc(false);
    PolicyDocument.Kind kind = root.name().equals("policies") ? PolicyDocument.Kind.POLICIES
        : PolicyDocument.Kind.FRAGMENT;
    return new PolicyDocument(origin, kind, root);
  }

  /** Whitespace, comments and processing instructions around the root element. */
  private void skipMisc(boolean beforeRoot) {
    while (true) {
      skipWhitespace();
      if (pos >= src.length()) {
        return;
      }
      if (src.startsWith("<!--", pos)) {
        skipComment();
      } else if (src.startsWith("<?", pos)) {
        skipProcessingInstruction();
      } else if (src.startsWith("<!DOCTYPE", pos)) {
        fail(pos, "DOCTYPE declarations are not allowed (no DTD, no entity declarations)");
      } else if (beforeRoot && src.startsWith("<!", pos)) {
        fail(pos, "unexpected '<!' before the root element");
      } else if (beforeRoot && src.charAt(pos) == '<') {
        return;
      } else if (beforeRoot) {
        fail(pos, "text before the root element; expected <policies> or <fragment>");
      } else {
        fail(pos, "content after the end of the root element");
      }
    }
  }

  private XmlElement elementTree() {
    Deque<Open> stack = new ArrayDeque<>();
    int rootStart = pos;
    Open root = startTag();
    if (!root.name.equals("policies") && !root.name.equals("fragment")) {
      fail(rootStart, "root element must be <policies> or <fragment>, found <" + root.name + ">");
    }
    if (root.selfClosing) {
      return root.build(lines);
    }
    stack.push(root);
    resetText();
    while (true) {
      Open top = stack.peek();
      if (pos >= src.length()) {
        fail(top.start, "element <" + top.name + "> is never closed (end of document reached)");
      }
      if (src.charAt(pos) != '<') {
        textRun();
      } else if (src.startsWith("<!--", pos)) {
        skipComment();
      } else if (src.startsWith("<![CDATA[", pos)) {
        cdata();
      } else if (src.startsWith("<?", pos)) {
        skipProcessingInstruction();
      } else if (src.startsWith("<!DOCTYPE", pos)) {
        fail(pos, "DOCTYPE declarations are not allowed (no DTD, no entity declarations)");
      } else if (src.startsWith("<!", pos)) {
        fail(pos, "unexpected '<!'; only comments and CDATA sections may start with '<!'");
      } else if (src.startsWith("</", pos)) {
        flushText(top);
        endTag(top);
        stack.pop();
        XmlElement done = top.build(lines);
        if (stack.isEmpty()) {
          return done;
        }
        stack.peek().children.add(done);
        resetText();
      } else {
        flushText(top);
        if (stack.size() >= limits.maxDepth()) {
          fail(pos, "elements are nested too deeply: more than " + limits.maxDepth() + " levels");
        }
        Open child = startTag();
        if (child.selfClosing) {
          top.children.add(child.build(lines));
        } else {
          stack.push(child);
        }
        resetText();
      }
    }
  }

  /** Reads a start tag at {@code pos}. */
  private Open startTag() {
    int start = pos;
    pos++;
    String name = name();
    if (name == null) {
      fail(pos, pos < src.length()
          ? "expected an element name after '<', found " + describe(src.charAt(pos))
          : "expected an element name after '<', found the end of the document");
    }
    List<XmlAttribute> attributes = new ArrayList<>();
    while (true) {
      boolean spaced = skipWhitespace();
      if (pos >= src.length()) {
        fail(start, "start tag <" + name + "> is not terminated (end of document reached)");
      }
      char c = src.charAt(pos);
      if (c == '>') {
        pos++;
        return new Open(name, start, attributes);
      }
      if (c == '/') {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '>') {
          pos += 2;
          Open open = new Open(name, start, attributes);
          open.selfClosing = true;
          return open;
        }
        fail(pos, "expected '>' after '/' in the start tag of <" + name + ">");
      }
      if (!isNameStart(c)) {
        fail(pos, "unexpected " + describe(c) + " in the start tag of <" + name + ">");
      }
      if (!spaced) {
        fail(pos, "missing whitespace before attribute in the start tag of <" + name + ">");
      }
      attributes.add(attribute(name, attributes));
    }
  }

  private XmlAttribute attribute(String elementName, List<XmlAttribute> previous) {
    int nameStart = pos;
    String name = name();
    for (XmlAttribute a : previous) {
      if (a.name().equals(name)) {
        fail(nameStart, "duplicate attribute '" + name + "' on <" + elementName + ">");
      }
    }
    if (previous.size() >= limits.maxAttributesPerElement()) {
      fail(nameStart, "too many attributes on <" + elementName + ">: the limit is "
          + limits.maxAttributesPerElement());
    }
    skipWhitespace();
    if (pos >= src.length() || src.charAt(pos) != '=') {
      fail(pos, "attribute '" + name + "' has no value: expected '=' after the name");
    }
    pos++;
    skipWhitespace();
    if (pos >= src.length() || (src.charAt(pos) != '"' && src.charAt(pos) != '\'')) {
      fail(pos, "the value of attribute '" + name + "' must be in quotes");
    }
    char quote = src.charAt(pos++);
    int valueStart = pos;
    buf.clear();
    int q = skipWhitespaceFrom(pos);
    if (startsExpression(q)) {
      while (pos < q) {
        pos = appendRaw(pos, maxAttribute(), valueStart, "attribute '" + name + "'");
      }
      scanExpression(q, true, maxAttribute(), valueStart);
      while (pos < src.length() && isWhitespace(src.charAt(pos))) {
        pos = appendRaw(pos, maxAttribute(), valueStart, "attribute '" + name + "'");
      }
      if (pos >= src.length()) {
        fail(nameStart, "the value of attribute '" + name + "' is not terminated");
      }
      if (src.charAt(pos) != quote) {
        fail(pos, "unexpected " + describe(src.charAt(pos)) + " after the policy expression in attribute '" + name
            + "'; an expression must be the whole value");
      }
    } else {
      while (true) {
        if (pos >= src.length()) {
          fail(nameStart, "the value of attribute '" + name + "' is not terminated");
        }
        char c = src.charAt(pos);
        if (c == quote) {
          break;
        }
        if (c == '<') {
          fail(pos, "'<' in the value of attribute '" + name + "' must be escaped as '&lt;'");
        }
        if (c == '&') {
          reference(maxAttribute(), valueStart, "attribute '" + name + "'");
        } else {
          pos = appendRaw(pos, maxAttribute(), valueStart, "attribute '" + name + "'");
        }
      }
    }
    pos++;
    boolean[] secret = new boolean[1];
    String value = substitute(0, buf.length(), maxAttribute(), valueStart, "attribute '" + name + "'", secret);
    return new XmlAttribute(name, value, lines.position(nameStart), lines.position(valueStart), secret[0]);
  }

  private void endTag(Open top) {
    int start = pos;
    pos += 2;
    String name = name();
    if (name == null) {
      fail(pos, "expected an element name after '</'");
    }
    skipWhitespace();
    if (pos >= src.length() || src.charAt(pos) != '>') {
      fail(pos, "expected '>' to end the end tag </" + name + ">");
    }
    if (!name.equals(top.name)) {
      fail(start, "mismatched end tag </" + name + ">: expected </" + top.name + "> to close the element opened at "
          + lines.position(top.start));
    }
    pos++;
  }

  // ---- character data ----

  private void resetText() {
    buf.clear();
    pendingNonWhitespace = false;
    pendingHasExpression = false;
  }

  private void textRun() {
    int runStart = pos;
    if (!pendingNonWhitespace && !pendingHasExpression) {
      int q = skipWhitespaceFrom(pos);
      if (startsExpression(q)) {
        while (pos < q) {
          pos = appendRaw(pos, limits.maxTextLength(), runStart, "text");
        }
        scanExpression(q, true, limits.maxTextLength(), runStart);
        pendingHasExpression = true;
        pendingNonWhitespace = true;
        return;
      }
    }
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '<') {
        return;
      }
      if (!isWhitespace(c)) {
        if (pendingHasExpression) {
          fail(pos, "unexpected " + describe(c) + " after a policy expression; an expression must be the whole text");
        }
        pendingNonWhitespace = true;
      }
      if (c == '&') {
        reference(limits.maxTextLength(), runStart, "text");
      } else {
        pos = appendRaw(pos, limits.maxTextLength(), runStart, "text");
      }
    }
  }

  private void cdata() {
    int start = pos;
    pos += 9;
    if (!pendingNonWhitespace && !pendingHasExpression) {
      int q = skipWhitespaceFrom(pos);
      if (startsExpression(q)) {
        while (pos < q) {
          pos = appendRaw(pos, limits.maxTextLength(), start, "text");
        }
        scanExpression(q, false, limits.maxTextLength(), start);
        while (pos < src.length() && isWhitespace(src.charAt(pos))) {
          pos = appendRaw(pos, limits.maxTextLength(), start, "text");
        }
        if (!src.startsWith("]]>", pos)) {
          fail(pos, pos < src.length()
              ? "unexpected " + describe(src.charAt(pos)) + " after the policy expression in a CDATA section;"
                  + " an expression must be the whole text"
              : "CDATA section is not terminated");
        }
        pos += 3;
        pendingHasExpression = true;
        pendingNonWhitespace = true;
        return;
      }
    }
    int end = src.indexOf("]]>", pos);
    if (end < 0) {
      fail(start, "CDATA section is not terminated");
    }
    while (pos < end) {
      char c = src.charAt(pos);
      if (!isWhitespace(c)) {
        if (pendingHasExpression) {
          fail(pos, "unexpected " + describe(c) + " after a policy expression; an expression must be the whole text");
        }
        pendingNonWhitespace = true;
      }
      pos = appendRaw(pos, limits.maxTextLength(), start, "text");
    }
    pos = end + 3;
  }

  private void flushText(Open owner) {
    if (!pendingNonWhitespace) {
      buf.clear();
      return;
    }
    int first = 0;
    int last = buf.length();
    while (first < last && isWhitespace(buf.charAt(first))) {
      first++;
    }
    while (last > first && isWhitespace(buf.charAt(last - 1))) {
      last--;
    }
    if (first < last) {
      boolean[] secret = new boolean[1];
      int at = buf.offset(first);
      liquidText = isLiquidTemplate(owner);
      String value = substitute(first, last, limits.maxTextLength(), at, "text of <" + owner.name + ">", secret);
      liquidText = false;
      owner.children.add(new XmlText(value, lines.position(at), secret[0]));
    }
    buf.clear();
  }

  /**
   * Liquid output tags look like named-value references ({@code {{body.name}}}); in a Liquid template an unknown name
   * is therefore left alone without a diagnostic, while known named values are still substituted.
   */
  private static boolean isLiquidTemplate(Open owner) {
    if (!owner.name.equals("set-body")) {
      return false;
    }
    for (XmlAttribute a : owner.attributes) {
      if (a.name().equals("template") && a.value().trim().equalsIgnoreCase("liquid")) {
        return true;
      }
    }
    return false;
  }

  // ---- expressions ----

  private boolean startsExpression(int q) {
    return q + 1 < src.length() && src.charAt(q) == '@' && (src.charAt(q + 1) == '(' || src.charAt(q + 1) == '{');
  }

  /** Scans the expression whose '@' is at source offset {@code at}, appending it to the buffer; sets pos after it. */
  private void scanExpression(int at, boolean decode, int limit, int owner) {
    int start = buf.length();
    decodePtr = at;
    decodeReferences = decode;
    scanLimit = limit;
    scanOwner = owner;
    ExpressionScanner scanner = new ExpressionScanner(this::decodedAt);
    int end = scanner.scan(start);
    if (end < 0) {
      int index = scanner.failureIndex();
      Position where = lines.position(index >= start && index < buf.length() ? buf.offset(index) : at);
      fail(at, "unbalanced policy expression: "
          + scanner.failure().replace("%s", where.line() + ":" + where.column()));
    }
    if (end < buf.length()) {
      decodePtr = buf.offset(end);
      buf.truncate(end);
    }
    pos = decodePtr;
  }

  private int decodedAt(int index) {
    while (buf.length() <= index) {
      if (decodePtr >= src.length()) {
        return -1;
      }
      if (decodeReferences && src.charAt(decodePtr) == '&') {
        int end = tryReference(decodePtr);
        if (end > 0) {
          decodePtr = end;
          checkLength(scanLimit, scanOwner, "policy expression");
          continue;
        }
      }
      decodePtr = appendRaw(decodePtr, scanLimit, scanOwner, "policy expression");
    }
    return buf.charAt(index);
  }

  // ---- references and named values ----

  /** Decodes the reference at {@code pos} (an '&') or fails with a precise message. */
  private void reference(int limit, int owner, String what) {
    int end = tryReference(pos);
    if (end < 0) {
      fail(pos, referenceProblem(pos));
    }
    pos = end;
    checkLength(limit, owner, what);
  }

  /** Appends the character(s) of a valid reference at {@code p} and returns the offset after it, or -1. */
  private int tryReference(int p) {
    int q = p + 1;
    if (q < src.length() && src.charAt(q) == '#') {
      q++;
      boolean hex = q < src.length() && src.charAt(q) == 'x';
      if (hex) {
        q++;
      }
      int digitsStart = q;
      long codePoint = 0;
      while (q < src.length() && Character.digit(src.charAt(q), hex ? 16 : 10) >= 0) {
        codePoint = Math.min(codePoint * (hex ? 16 : 10) + Character.digit(src.charAt(q), hex ? 16 : 10), 0x110000);
        q++;
      }
      if (q == digitsStart || q >= src.length() || src.charAt(q) != ';' || !isXmlChar(codePoint)) {
        return -1;
      }
      for (char c : Character.toChars((int) codePoint)) {
        buf.append(c, p);
      }
      return q + 1;
    }
    int nameEnd = q;
    while (nameEnd < src.length() && nameEnd - q < 5 && Character.isLetter(src.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd >= src.length() || src.charAt(nameEnd) != ';') {
      return -1;
    }
    char decoded = switch (src.substring(q, nameEnd)) {
      case "lt" -> '<';
      case "gt" -> '>';
      case "amp" -> '&';
      case "quot" -> '"';
      case "apos" -> '\'';
      default -> 0;
    };
    if (decoded == 0) {
      return -1;
    }
    buf.append(decoded, p);
    return nameEnd + 1;
  }

  private String referenceProblem(int p) {
    int q = p + 1;
    if (q < src.length() && src.charAt(q) == '#') {
      int end = q + 1;
      while (end < src.length() && end - q < 32 && Character.isLetterOrDigit(src.charAt(end))) {
        end++;
      }
      if (end > q + 1 && end < src.length() && src.charAt(end) == ';') {
        return "character reference '" + src.substring(p, end + 1) + "' is not a valid XML character";
      }
      return "malformed character reference; write '&#NN;' or '&#xHH;'";
    }
    int end = q;
    while (end < src.length() && end - q < 40 && isNameChar(src.charAt(end))) {
      end++;
    }
    if (end > q && end < src.length() && src.charAt(end) == ';') {
      return "unknown entity '" + src.substring(p, end + 1)
          + "'; only &lt; &gt; &amp; &quot; &apos; and character references are allowed";
    }
    return "'&' must be escaped as '&amp;' outside policy expressions";
  }

  /**
   * Replaces {@code {{name}}} references in buf[from, to). A reference is {{, optional whitespace, a name made of
   * letters, digits, '.', '-', '_', optional whitespace, }}; anything else is left as text (e.g. C# collection
   * initializers). Substituted values are not scanned again.
   */
  private String substitute(int from, int to, int limit, int owner, String what, boolean[] secret) {
    StringBuilder out = null;
    int copied = from;
    int i = from;
    while (i + 1 < to) {
      if (buf.charAt(i) != '{' || buf.charAt(i + 1) != '{') {
        i++;
        continue;
      }
      int j = i + 2;
      while (j < to && isWhitespace(buf.charAt(j))) {
        j++;
      }
      int nameStart = j;
      while (j < to && j - nameStart <= 256 && isNamedValueChar(buf.charAt(j))) {
        j++;
      }
      int nameEnd = j;
      while (j < to && isWhitespace(buf.charAt(j))) {
        j++;
      }
      if (nameEnd == nameStart || j + 1 >= to || buf.charAt(j) != '}' || buf.charAt(j + 1) != '}') {
        i++;
        continue;
      }
      String name = buf.substring(nameStart, nameEnd);
      Position at = lines.position(buf.offset(i));
      NamedValue nv = namedValues.resolve(name);
      if (nv == null) {
        if (liquidText) {
          i = j + 2;
          continue;
        }
        if (unknownNamedValuesAreWarnings) {
          diagnostics.warning(at, "unknown named value '" + name + "'");
        } else {
          diagnostics.error(at, "unknown named value '" + name + "'");
        }
      } else if (nv.value() == null) {
        diagnostics.error(at, "named value '" + name + "' is a secret whose value was not provided; it must be"
            + " provided");
      } else {
        if (out == null) {
          out = new StringBuilder(to - from + nv.value().length());
        }
        out.append(buf.substring(copied, i)).append(nv.value());
        secret[0] |= nv.secret();
        copied = j + 2;
        if (out.length() > limit) {
          fail(owner, what + " is too long after named-value substitution: the limit is " + limit + " characters");
        }
      }
      i = j + 2;
    }
    String value = out == null ? buf.substring(from, to) : out.append(buf.substring(copied, to)).toString();
    if (value.length() > limit) {
      fail(owner, what + " is too long: the limit is " + limit + " characters");
    }
    expanded += value.length();
    if (expanded > limits.maxExpandedChars()) {
      fail(owner, "document is too large after named-value substitution: the limit is "
          + limits.maxExpandedChars() + " characters");
    }
    return value;
  }

  // ---- lexical helpers ----

  /** Appends the character at {@code p} (CRLF and CR become LF) and returns the offset after it. */
  private int appendRaw(int p, int limit, int owner, String what) {
    char c = src.charAt(p);
    if (c == '\r') {
      buf.append('\n', p);
      p++;
      if (p < src.length() && src.charAt(p) == '\n') {
        p++;
      }
    } else {
      buf.append(c, p);
      p++;
    }
    checkLength(limit, owner, what);
    return p;
  }

  private void checkLength(int limit, int owner, String what) {
    if (buf.length() > limit) {
      fail(owner, what + " is too long: the limit is " + limit + " characters");
    }
  }

  private int maxAttribute() {
    return limits.maxAttributeLength();
  }

  private String name() {
    int start = pos;
    if (pos >= src.length() || !isNameStart(src.charAt(pos))) {
      return null;
    }
    pos++;
    while (pos < src.length() && isNameChar(src.charAt(pos))) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private void skipComment() {
    int end = src.indexOf("-->", pos + 4);
    if (end < 0) {
      fail(pos, "comment is not terminated: missing '-->'");
    }
    pos = end + 3;
  }

  private void skipProcessingInstruction() {
    int end = src.indexOf("?>", pos + 2);
    if (end < 0) {
      fail(pos, "processing instruction is not terminated: missing '?>'");
    }
    pos = end + 2;
  }

  private boolean skipWhitespace() {
    int start = pos;
    pos = skipWhitespaceFrom(pos);
    return pos > start;
  }

  private int skipWhitespaceFrom(int p) {
    while (p < src.length() && isWhitespace(src.charAt(p))) {
      p++;
    }
    return p;
  }

  private void fail(int offset, String message) {
    diagnostics.error(lines.position(Math.min(offset, src.length())), message);
    throw new Stop();
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
        || (c > 0x7F && Character.isLetter(c));
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || (c > 0x7F && Character.isDigit(c));
  }

  private static boolean isNamedValueChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
  }

  private static boolean isXmlChar(long cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private static String describe(char c) {
    if (c >= 0x21 && c < 0x7F) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }
}
