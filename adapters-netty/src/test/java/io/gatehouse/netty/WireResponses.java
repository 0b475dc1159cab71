package io.gatehouse.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the HTTP/1.x responses a server wrote, as strictly as a careful client: status lines, header lines, and
 * bodies framed by {@code Content-Length}, chunks, or the end of the connection; anything else fails the test.
 */
final class WireResponses {
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: [^\\r\\n]*)?");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** A final response: status, headers by lower-cased name, body. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    String first(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  private final byte[] wire;
  private int at;

  private WireResponses(byte[] wire) {
    this.wire = wire;
  }

  /** Everything {@code channel} wrote so far (its outbound buffers, each released), as bytes. */
  static byte[] drain(EmbeddedChannel channel) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
      ByteBuf buf = (ByteBuf) o;
      wire.writeBytes(ByteBufUtil.getBytes(buf));
      buf.release();
    }
    return wire.toByteArray();
  }

  /** {@link #drain} as ASCII text. */
  static String drainText(EmbeddedChannel channel) {
    return new String(drain(channel), StandardCharsets.US_ASCII);
  }

  /**
   * Every final response in {@code wire}, in order; interim (1xx) ones are checked and skipped. {@code heads} tells,
   * for the final responses in turn, whether each answers a HEAD request (such a response has no body).
   */
  static List<Response> read(byte[] wire, List<Boolean> heads) {
    WireResponses reader = new WireResponses(wire);
    List<Response> responses = new ArrayList<>();
    while (reader.at < wire.length) {
      String statusLine = reader.line();
      Matcher m = STATUS_LINE.matcher(statusLine);
      if (!m.matches()) {
        throw new AssertionError("not a status line: " + statusLine);
      }
      int status = Integer.parseInt(m.group(1));
      Map<String, List<String>> headers = reader.headers();
      if (status < 200) {
        continue;
      }
      boolean head = responses.size() < heads.size() && heads.get(responses.size());
      responses.add(new Response(status, headers, reader.body(status, head, headers)));
    }
    return responses;
  }

  private Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
        throw new AssertionError("not a header line: " + line);
      }
      String value = line.substring(colon + 1).strip();
      for (char c : value.toCharArray()) {
        if (c < 0x20 && c != '\t' || c == 0x7f) {
          throw new AssertionError("control character in header value: " + line);
        }
      }
      headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
    }
    return headers;
  }

  private byte[] body(int status, boolean head, Map<String, List<String>> headers) {
    List<String> lengths = headers.get("content-length");
    List<String> encodings = headers.get("transfer-encoding");
    if (lengths != null && encodings != null) {
      throw new AssertionError("both Content-Length and Transfer-Encoding: " + headers);
    }
    if (lengths != null && (lengths.size() != 1 || !lengths.get(0).matches("\\d{1,18}"))) {
      throw new AssertionError("bad Content-Length: " + lengths);
    }
    if (head || status == 204 || status == 304) {
      return new byte[0];
    }
    if (encodings != null) {
      if (!encodings.get(encodings.size() - 1).equalsIgnoreCase("chunked")) {
        throw new AssertionError("a body framed by neither length nor chunks: " + encodings);
      }
      return chunks();
    }
    int length = lengths == null ? wire.length - at : Integer.parseInt(lengths.get(0)); // else: to the end
    if (at + length > wire.length) {
      throw new AssertionError("body cut short: " + length + " declared, " + (wire.length - at) + " sent");
    }
    byte[] body = java.util.Arrays.copyOfRange(wire, at, at + length);
    at += length;
    return body;
  }

  private byte[] chunks() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (;;) {
      String size = line();
      int semicolon = size.indexOf(';');
      String hex = (semicolon < 0 ? size : size.substring(0, semicolon)).strip();
      if (!hex.matches("[0-9a-fA-F]{1,8}")) {
        throw new AssertionError("bad chunk size: " + size);
      }
      int n = Integer.parseInt(hex, 16);
      if (n == 0) {
        headers(); // trailers, up to the empty line
        return body.toByteArray();
      }
      if (at + n + 2 > wire.length) {
        throw new AssertionError("chunk cut short");
      }
      body.write(wire, at, n);
      at += n;
      if (!line().isEmpty()) {
        throw new AssertionError("chunk not followed by CRLF");
      }
    }
  }

  /** The next line, without its CRLF; a line without CRLF fails (a bare LF too). */
  private String line() {
    for (int i = at; i + 1 < wire.length; i++) {
      if (wire[i] == '\n') {
        break;
      }
      if (wire[i] == '\r' && wire[i + 1] == '\n') {
        String line = new String(wire, at, i - at, StandardCharsets.ISO_8859_1);
        at = i + 2;
        return line;
      }
    }
    throw new AssertionError("unterminated line at byte " + at + ": "
        + new String(wire, at, Math.min(80, wire.length - at), StandardCharsets.ISO_8859_1));
  }
}
