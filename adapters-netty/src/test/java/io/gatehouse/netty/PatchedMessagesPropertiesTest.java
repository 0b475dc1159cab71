package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.HttpHeaders;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The client's head patched for the application ({@link NettyMessages#patchClientRequest}) always equals the request
 * built anew ({@link NettyMessages#toNettyRequest}), whatever the client sent and the policies changed, and the patch
 * is taken whenever the policies only added headers; likewise the application's response patched for the client
 * ({@link NettyMessages#patchApplicationResponse} against {@link NettyMessages#toNettyResponse}). The engine's
 * headers are made as the adapter and the engine make them: a copy of what the adapter handed over, so the headers
 * no policy changed are the same entries.
 */
class PatchedMessagesPropertiesTest {
  private static final List<String> NAMES = List.of("Host", "Accept", "accept", "X-Client", "Connection",
      "Content-Length", "Keep-Alive", "Authorization", "Origin", "TE");
  private static final List<String> NEW_NAMES = List.of("X-Gateway", "X-New", "Accept", "Connection", "Origin");
  // "3" is the bodies' length (a kept Content-Length), "03" the same number written otherwise
  private static final List<String> VALUES = List.of("a", "b", "keep-alive", "0", "3", "03", "Bearer x");

  record Header(String name, String value) {}

  record Change(int kind, String name, String value) {} // 0 set, 1 add, 2 remove

  @Provide
  Arbitrary<List<Header>> clientHeaders() {
    return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(VALUES)).as(Header::new).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(NEW_NAMES),
        Arbitraries.of(VALUES)).as(Change::new).list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Header>> additions() {
    return Arbitraries.of("X-Gateway", "X-New", "X-Other").map(n -> new Header(n, "v")).list().uniqueElements(
        Header::name).ofMaxSize(3);
  }

  @Property(tries = 2000)
  void patchedEqualsBuiltAnew(@ForAll("clientHeaders") List<Header> sent, @ForAll("changes") List<Change> changes,
      @ForAll boolean post, @ForAll boolean forwarded, @ForAll boolean otherHost) {
    HttpRequest client = client(sent, post);
    HttpHeaders given = given(client);
    HttpHeaders engine = engineView(given, forwarded);
    apply(engine, changes);
    BackendRequest request = BackendRequest.of(post ? "POST" : "GET", "http://app/base/x?q=1", engine,
        post ? new byte[] {1, 2} : null);
    String host = otherHost ? "other:8080" : client.headers().get("Host", "fallback");
    FullHttpRequest expected = NettyMessages.toNettyRequest(request, host);
    FullHttpRequest patched = NettyMessages.patchClientRequest(client, given, request, host);
    try {
      if (patched != null) {
        assertThat(patched.method()).isEqualTo(expected.method());
        assertThat(patched.uri()).isEqualTo(expected.uri());
        assertThat(patched.protocolVersion()).isEqualTo(expected.protocolVersion());
        assertThat(ByteBufUtil.getBytes(patched.content())).isEqualTo(ByteBufUtil.getBytes(expected.content()));
        assertThat(multimap(patched)).isEqualTo(multimap(expected));
      }
    } finally {
      expected.release();
      if (patched != null) {
        patched.release();
      }
    }
  }

  @Property(tries = 500)
  void additionsAloneArePatched(@ForAll("clientHeaders") List<Header> sent, @ForAll("additions") List<Header> added) {
    HttpRequest client = client(sent, false);
    HttpHeaders given = given(client);
    HttpHeaders engine = engineView(given, true);
    if (sent.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).distinct().count() < sent.size()) {
      return; // a repeated client header is one engine header with two values: that is rebuilt, as documented
    }
    added.forEach(h -> engine.add(h.name(), h.value()));
    BackendRequest request = BackendRequest.of("GET", "http://app/base/x", engine, null);
    FullHttpRequest patched = NettyMessages.patchClientRequest(client, given, request, "h");
    assertThat(patched).isNotNull();
    assertThat(multimap(patched)).containsAllEntriesOf(Map.of("host", List.of("h")));
    added.forEach(h -> assertThat(patched.headers().getAll(h.name())).containsExactly("v"));
    patched.release();
  }

  @Property(tries = 2000)
  void patchedResponseEqualsBuiltAnew(@ForAll("clientHeaders") List<Header> written,
      @ForAll("changes") List<Change> changes, @ForAll("statuses") int status, @ForAll boolean head) {
    HttpResponse application = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    written.forEach(h -> application.headers().add(h.name(), h.value()));
    HttpHeaders given = NettyMessages.fromNetty(application.headers(), true);
    HttpHeaders engine = given.copy();
    apply(engine, changes);
    GatewayResponse response = new GatewayResponse(status, "", engine, new byte[] {1, 2, 3});
    FullHttpResponse expected = NettyMessages.toNettyResponse(response, head, HttpVersion.HTTP_1_1);
    FullHttpResponse patched = NettyMessages.patchApplicationResponse(application, given, response, head,
        HttpVersion.HTTP_1_1);
    try {
      if (patched != null) {
        assertThat(patched.status()).isEqualTo(expected.status());
        assertThat(ByteBufUtil.getBytes(patched.content())).isEqualTo(ByteBufUtil.getBytes(expected.content()));
        assertThat(multimap(patched.headers())).isEqualTo(multimap(expected.headers()));
      }
    } finally {
      expected.release();
      if (patched != null) {
        patched.release();
      }
    }
  }

  @Property(tries = 500)
  void responseAdditionsAloneArePatched(@ForAll("clientHeaders") List<Header> written,
      @ForAll("additions") List<Header> added) {
    List<Header> kept = written.stream().filter(h -> !HttpHeaders.isHopByHop(h.name())).toList();
    if (kept.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).distinct().count() < kept.size()) {
      return; // a repeated header is one engine header with two values: that is rebuilt, as documented
    }
    HttpResponse application = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    kept.forEach(h -> application.headers().add(h.name(), h.value()));
    HttpHeaders given = NettyMessages.fromNetty(application.headers(), true);
    HttpHeaders engine = given.copy();
    added.forEach(h -> engine.add(h.name(), h.value()));
    GatewayResponse response = new GatewayResponse(200, "", engine, new byte[] {1, 2, 3});
    FullHttpResponse patched = NettyMessages.patchApplicationResponse(application, given, response, false,
        HttpVersion.HTTP_1_1);
    assertThat(patched).isNotNull();
    assertThat(patched.headers().getAll("Content-Length")).containsExactly("3");
    added.forEach(h -> assertThat(patched.headers().getAll(h.name())).containsExactly("v"));
    patched.release();
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.of(200, 204, 304, 404);
  }

  private static void apply(HttpHeaders engine, List<Change> changes) {
    for (Change c : changes) {
      switch (c.kind()) {
        case 0 -> engine.set(c.name(), c.value());
        case 1 -> engine.add(c.name(), c.value());
        default -> engine.remove(c.name());
      }
    }
  }

  private static HttpRequest client(List<Header> sent, boolean post) {
    HttpRequest client = new DefaultHttpRequest(HttpVersion.HTTP_1_1, post ? HttpMethod.POST : HttpMethod.GET, "/x");
    sent.forEach(h -> client.headers().add(h.name(), h.value()));
    return client;
  }

  /** The engine's copy of the client's headers, as the handler makes it. */
  private static HttpHeaders given(HttpRequest client) {
    return NettyMessages.requestHeaders(client);
  }

  /**
   * What the engine makes of {@code given}: a copy, and when {@code forwarded} without what forward-request leaves
   * out of a backend request (hop-by-hop, Host, Content-Length, Expect).
   */
  private static HttpHeaders engineView(HttpHeaders given, boolean forwarded) {
    HttpHeaders engine = given.copy();
    if (forwarded) {
      for (String name : engine.names()) {
        if (HttpHeaders.isHopByHop(name) || HttpHeaders.isOneOf(name, "host", "content-length", "expect")) {
          engine.remove(name);
        }
      }
    }
    return engine;
  }

  /** Lower-cased name to values in order: what HTTP makes of a header block. */
  private static Map<String, List<String>> multimap(HttpRequest request) {
    return multimap(request.headers());
  }

  private static Map<String, List<String>> multimap(io.netty.handler.codec.http.HttpHeaders headers) {
    Map<String, List<String>> map = new TreeMap<>();
    for (String name : headers.names()) {
      map.put(name.toLowerCase(Locale.ROOT), headers.getAll(name));
    }
    return map;
  }
}
