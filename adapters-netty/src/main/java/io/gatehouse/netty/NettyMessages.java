package io.gatehouse.netty;

import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.HttpHeaders;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Conversions between Netty HTTP messages and the engine's request and response types. */
final class NettyMessages {
  /** Hop-by-hop headers and the framing: never copied from one message to another (Netty recomputes the length). */
  static boolean notCopied(String name) {
    return HttpHeaders.isHopByHop(name) || HttpHeaders.isOneOf(name, "content-length");
  }

  /**
   * Netty headers that do not validate again: names and values come from {@link HttpHeaders}, which validated
   * them (tokens; no CR, LF or NUL) when they entered the engine. The messages built here carry no trailers.
   */
  private static final HttpHeadersFactory VALIDATED = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  private NettyMessages() {}

  /**
   * A client's request headers as engine headers, every line kept.
   *
   * @throws IllegalArgumentException when a header cannot be represented (the caller answers 400)
   */
  static HttpHeaders requestHeaders(HttpRequest request) {
    io.netty.handler.codec.http.HttpHeaders netty = request.headers();
    HttpHeaders headers = new HttpHeaders(netty.size());
    Iterator<Map.Entry<CharSequence, CharSequence>> it = netty.iteratorCharSequence();
    while (it.hasNext()) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      headers.add(e.getKey().toString(), e.getValue().toString());
    }
    return headers;
  }

  /**
   * The engine's view of a client's request with {@code headers} ({@link #requestHeaders}): the URL in parts, the
   * scheme of the connection, the Host header ({@code host}, the first one, or null) and the request target (an
   * absolute-form target is the URL as it is), certificate chain from the
   * TLS session. {@code ssl} (null without TLS) and {@code clientIp} belong to the connection and are found once per
   * connection by the caller.
   */
  static GatewayRequest toGatewayRequest(HttpRequest request, HttpHeaders headers, String host, byte[] body,
      Channel channel, SslHandler ssl, String clientIp) {
    String target = request.uri();
    String method = request.method().name();
    if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
      return new GatewayRequest(method, target, headers, body, clientIp, peerCertificates(ssl)); // absolute form
    }
    if (host == null || host.isBlank()) {
      host = authority(channel.localAddress());
    }
    // in parts: the engine splits them without a concatenated URL to parse again
    return GatewayRequest.fromParts(method, ssl != null ? "https" : "http", host.strip(),
        target.startsWith("/") ? target : "/" + target, headers, body, clientIp, peerCertificates(ssl));
  }

  private static String authority(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return "localhost";
  }

  /** The IP address of a remote address as text, or null. */
  static String clientIp(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      InetAddress ip = inet.getAddress();
      return ip == null ? null : ip.getHostAddress();
    }
    return null;
  }

  private static List<X509Certificate> peerCertificates(SslHandler ssl) {
    if (ssl == null) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : ssl.engine().getSession().getPeerCertificates()) {
        if (c instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  /**
   * The response to write to the client. Hop-by-hop headers are dropped and {@code Content-Length} is the body's
   * length, except for HEAD (no body; the engine's {@code Content-Length} is kept) and 1xx, 204 and 304 (no body).
   */
  static FullHttpResponse toNettyResponse(GatewayResponse response, boolean head, HttpVersion version) {
    FullHttpResponse out = newResponse(response, head, version, VALIDATED.newHeaders());
    copyHeaders(response.headers(), out);
    setContentLength(response, head, out);
    return out;
  }

  /**
   * What {@link #toNettyResponse} builds, on the header object of the response the application wrote, when the
   * engine's headers are {@code given} (what the adapter made of the application's headers) with some headers
   * removed and others added (see {@link #patchHeaders}); else null, having changed nothing. The application's
   * response must not be used afterwards.
   */
  static FullHttpResponse patchApplicationResponse(HttpResponse application, HttpHeaders given,
      GatewayResponse response, boolean head, HttpVersion version) {
    if (patchHeaders(application.headers(), given, response.headers(), false) == null) {
      return null;
    }
    FullHttpResponse out = newResponse(response, head, version, application.headers());
    if (!hasBodyLength(response, head, out)) {
      setContentLength(response, head, out);
    }
    return out;
  }

  /**
   * Whether {@code out}, a patched response with a body, already has the one {@code Content-Length} that
   * {@link #setContentLength} would set: usually the application's own, kept. (It has at most one: the patch is
   * taken only when the application's headers and the engine's copy have the same number of entries, and the copy
   * holds a repeated header as one.)
   */
  private static boolean hasBodyLength(GatewayResponse response, boolean head, FullHttpResponse out) {
    int code = response.status();
    return !head && code >= 200 && code != 204 && code != 304
        && isDecimal(out.headers().get(HttpHeaderNames.CONTENT_LENGTH), response.body().length);
  }

  /** Whether {@code text} is {@code value} written as {@link Integer#toString(int)} would write it. */
  private static boolean isDecimal(String text, int value) {
    if (text == null || text.isEmpty() || text.length() > 10 || text.length() > 1 && text.charAt(0) == '0') {
      return false;
    }
    long parsed = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      parsed = parsed * 10 + (c - '0');
    }
    return parsed == value;
  }

  private static FullHttpResponse newResponse(GatewayResponse response, boolean head, HttpVersion version,
      io.netty.handler.codec.http.HttpHeaders headers) {
    int code = response.status();
    boolean noBody = head || code < 200 || code == 204 || code == 304;
    return new DefaultFullHttpResponse(version, status(response),
        noBody || response.body().length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()),
        headers, EmptyHttpHeaders.INSTANCE);
  }

  /**
   * {@code Content-Length} is the body's length, except for HEAD (no body; the engine's {@code Content-Length} is
   * kept) and 1xx, 204 and 304 (no body).
   */
  private static void setContentLength(GatewayResponse response, boolean head, FullHttpResponse out) {
    int code = response.status();
    String declared = response.headers().first("Content-Length");
    if (head || code == 304) {
      if (declared != null) {
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, declared);
      } else if (head) {
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
      }
    } else if (code >= 200 && code != 204) {
      out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
      return;
    }
    if (!head && (code != 304 || declared == null)) {
      out.headers().remove(HttpHeaderNames.CONTENT_LENGTH); // a patched message may still have the application's
    }
  }

  /**
   * The client's response when its body is the application's stream ({@link GatewayResponse#streamed()}): the
   * engine's status and headers without hop-by-hop ones. When the response has a body, an {@code HttpResponse}
   * (not full) with the application's {@code Content-Length} if it declared one, else {@code Transfer-Encoding:
   * chunked} (HTTP/1.0: neither, the connection's end delimits the body); the stream's parts follow. Without a body
   * (HEAD, 1xx, 204, 304), a {@link FullHttpResponse} with empty content: HEAD gets the framing headers a GET would,
   * 304 the declared length only, 1xx and 204 none; the stream is not sent.
   */
  static HttpResponse toStreamedResponse(GatewayResponse response, boolean head, HttpVersion version,
      long declaredLength) {
    int code = response.status();
    boolean informational = code < 200 || code == 204;
    boolean noBody = head || informational || code == 304;
    HttpResponse out = noBody
        ? new DefaultFullHttpResponse(version, status(response), Unpooled.EMPTY_BUFFER, VALIDATED.newHeaders(),
            EmptyHttpHeaders.INSTANCE)
        : new DefaultHttpResponse(version, status(response), VALIDATED.newHeaders());
    copyHeaders(response.headers(), out);
    if (informational) {
      return out;
    }
    if (declaredLength >= 0) {
      out.headers().set(HttpHeaderNames.CONTENT_LENGTH, declaredLength);
    } else if (code != 304 && !version.equals(HttpVersion.HTTP_1_0)) {
      out.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    return out;
  }

  /** The {@code Content-Length} of a response that is not chunked, or -1 (chunked, absent or invalid). */
  static long declaredLength(HttpResponse response) {
    if (HttpUtil.isTransferEncodingChunked(response)) {
      return -1;
    }
    String value = response.headers().get(HttpHeaderNames.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(value.strip());
      return length >= 0 ? length : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The engine's headers onto a Netty message, without hop-by-hop ones and the framing. */
  private static void copyHeaders(HttpHeaders from, HttpMessage to) {
    io.netty.handler.codec.http.HttpHeaders headers = to.headers();
    for (int i = 0, n = from.size(); i < n; i++) {
      String name = from.name(i);
      if (!notCopied(name)) {
        List<String> values = from.values(i);
        if (values.size() == 1) {
          headers.add(name, values.get(0));
        } else {
          headers.add(name, values);
        }
      }
    }
  }

  private static HttpResponseStatus status(GatewayResponse response) {
    return response.reason().isEmpty() ? HttpResponseStatus.valueOf(response.status())
        : HttpResponseStatus.valueOf(response.status(), response.reason());
  }

  /** A plain-text response the adapter produces itself (400, 500). */
  static FullHttpResponse plain(HttpResponseStatus status, String text, HttpVersion version) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse out = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(body));
    out.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return out;
  }

  /**
   * A backend request as an HTTP/1.1 request with an origin-form target ({@code /path?query}), the engine's headers
   * without hop-by-hop ones, the given {@code Host} and a {@code Content-Length} when there is a body.
   *
   * @throws IllegalArgumentException when the method or a header is not valid HTTP
   */
  static FullHttpRequest toNettyRequest(BackendRequest request, String host) {
    FullHttpRequest out = newRequest(request, VALIDATED.newHeaders());
    copyHeaders(request.headers(), out);
    out.headers().set(HttpHeaderNames.HOST, host); // replaces the engine's Host
    setContentLength(request, out);
    return out;
  }

  /**
   * What {@link #toNettyRequest} builds, but on the client's own header object (the decoder's), when the engine's
   * headers are {@code given} (what the adapter handed the engine: the client's headers) with some removed and
   * others added (see {@link #patchHeaders}), as forward-request and policies that only add headers leave them: the
   * removed ones are taken out and the added ones appended, instead of copying every header into a new object.
   * Returns null, having changed nothing, otherwise (the caller then builds a new request). The client's head must
   * not be used afterwards.
   */
  static FullHttpRequest patchClientRequest(HttpRequest client, HttpHeaders given, BackendRequest request,
      String host) {
    io.netty.handler.codec.http.HttpHeaders netty = client.headers();
    String givenHost = patchHeaders(netty, given, request.headers(), true);
    if (givenHost == null) {
      return null;
    }
    if (!host.equals(givenHost)) {
      netty.set(HttpHeaderNames.HOST, host);
    }
    FullHttpRequest out = newRequest(request, netty);
    setContentLength(request, out);
    return out;
  }

  /**
   * Makes {@code netty} (a message's own header object, which {@code given} was copied from, one engine header per
   * line) hold {@code engine}'s headers without hop-by-hop ones, when {@code engine} is {@code given} with some
   * headers removed and others appended: the removed ones are taken out, the appended ones added. The engine's
   * copies share the entries they did not change ({@link HttpHeaders#copy}), so an unchanged header is found by
   * reference ({@link HttpHeaders#values(int)} is the entry itself) and nothing is compared as text. Returns null,
   * having changed nothing, otherwise: a policy changed, replaced or re-added one of {@code given}'s headers, or
   * {@code netty} has lines {@code given} does not (a repeated header, or one the adapter left out).
   *
   * <p>{@code Content-Length} is the caller's to set or remove. For a request ({@code request}), {@code Host} is
   * the caller's too: it is never removed here, and the returned text is the value of {@code given}'s
   * {@code Host} (empty when it has none) for the caller to compare; for a response the returned text is empty.
   */
  private static String patchHeaders(io.netty.handler.codec.http.HttpHeaders netty, HttpHeaders given,
      HttpHeaders engine, boolean request) {
    int m = given.size();
    if (netty.size() != m) {
      return null;
    }
    int n = engine.size();
    int i = 0;
    String givenHost = "";
    List<String> removed = null;
    for (int j = 0; j < m; j++) {
      List<String> values = given.values(j);
      String name = given.name(j);
      boolean kept = i < n && engine.values(i) == values;
      if (kept) {
        i++;
      }
      if (request && isHost(name)) {
        givenHost = values.get(0);
      } else if (kept) {
        if (request ? notCopied(name) : HttpHeaders.isHopByHop(name)) {
          removed = removal(removed, name); // a request's Content-Length is the caller's to add back
        }
      } else if (engine.contains(name)) {
        return null; // changed in place, or removed and added again
      } else {
        removed = removal(removed, name);
      }
    }
    if (removed != null) {
      for (String name : removed) {
        netty.remove(name);
      }
    }
    for (; i < n; i++) {
      String name = engine.name(i);
      if (!notCopied(name) && !(request && isHost(name))) {
        List<String> values = engine.values(i);
        if (values.size() == 1) {
          netty.add(name, values.get(0));
        } else {
          netty.add(name, values);
        }
      }
    }
    return givenHost;
  }

  private static List<String> removal(List<String> removed, String name) {
    List<String> list = removed != null ? removed : new ArrayList<>(2);
    list.add(name);
    return list;
  }

  private static boolean isHost(String name) {
    return name.length() == 4 && HttpHeaders.isOneOf(name, "host");
  }

  /** An HTTP/1.1 request with the backend URL's origin-form target, the engine's body, and {@code headers}. */
  private static FullHttpRequest newRequest(BackendRequest request, io.netty.handler.codec.http.HttpHeaders headers) {
    String target = request.rawQuery() == null ? request.rawPath() : request.rawPath() + "?" + request.rawQuery();
    byte[] body = request.body();
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()), target,
        body == null || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body), headers,
        EmptyHttpHeaders.INSTANCE);
  }

  /** A {@code Content-Length} when there is a body or the method is one that has one. */
  private static void setContentLength(BackendRequest request, FullHttpRequest out) {
    byte[] body = request.body();
    if (body != null && body.length > 0 || permitsBody(request.method())) {
      out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
    }
  }

  private static boolean permitsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** Netty response headers as engine headers, without the ones describing the connection and the framing. */
  static HttpHeaders fromNetty(io.netty.handler.codec.http.HttpHeaders netty, boolean keepContentLength) {
    HttpHeaders headers = new HttpHeaders(netty.size());
    Iterator<Map.Entry<CharSequence, CharSequence>> it = netty.iteratorCharSequence();
    while (it.hasNext()) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      String name = e.getKey().toString();
      if (!notCopied(name) || keepContentLength && HttpHeaders.isOneOf(name, "content-length")) {
        headers.add(name, e.getValue().toString());
      }
    }
    return headers;
  }
}
