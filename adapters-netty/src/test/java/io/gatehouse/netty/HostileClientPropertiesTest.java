package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.Gatehouse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a client sends, {@link GatehouseHandler} (in front of an application, or as a proxy) answers with
 * well-formed HTTP or closes the connection: no exception escapes, no buffer leaks, the application sees only whole
 * and valid requests within the size bound, and nothing fails inside Gatehouse (a 5xx comes only from the operation
 * whose expression throws). The bytes go through {@code HttpServerCodec} on an {@link EmbeddedChannel}, cut into
 * random slices: hostile but well-framed requests, pipelined, in one property; the same with random bytes changed,
 * inserted and deleted, and the client leaving at a random moment, in the other.
 */
class HostileClientPropertiesTest {
  static {
    LeakRecorder.install();
  }

  private static final int MAX_REQUEST = 1024;
  private static final int MAX_RESPONSE = 4096;
  private static final int STREAMED = 10_000;
  private static final Backend ECHO = (request, options) -> CompletableFuture.completedFuture(new BackendResponse(
      200, "OK", HttpHeaders.of("Content-Type", "application/octet-stream"),
      request.body() == null ? new byte[0] : request.body()));
  private static Gatehouse gatehouse;

  @BeforeContainer
  static void build() throws IOException {
    gatehouse = TestTree.inFront("hostile");
  }

  @AfterContainer
  static void noLeaks() throws InterruptedException {
    LeakRecorder.assertNoLeaks();
  }

  record Header(String name, String value) {}

  /** A request framed by its body: {@code Content-Length}, or chunks of {@code chunk} bytes when positive. */
  record Request(String method, String target, String version, List<Header> headers, byte[] body, int chunk) {
    boolean head() {
      return method.equals("HEAD");
    }

    byte[] wire() {
      StringBuilder text = new StringBuilder(method + " " + target + " " + version + "\r\n");
      for (Header h : headers) {
        text.append(h.name()).append(": ").append(h.value()).append("\r\n");
      }
      boolean chunked = chunk > 0 && version.equals("HTTP/1.1");
      if (chunked) {
        text.append("Transfer-Encoding: chunked\r\n");
      } else if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
        text.append("Content-Length: ").append(body.length).append("\r\n");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      if (!chunked) {
        out.writeBytes(body);
        return out.toByteArray();
      }
      for (int from = 0; from < body.length; from += chunk) {
        int n = Math.min(chunk, body.length - from);
        out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, from, n);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return out.toByteArray();
    }
  }

  /**
   * A change to the bytes at {@code where} (per ten thousand of the length): insert {@code value} (kind 0), overwrite
   * with it (1), delete (2), insert CRLF (3) or an empty line (4).
   */
  record Mutation(int where, int kind, byte value) {}

  @Provide
  Arbitrary<List<Request>> requests() {
    Arbitrary<String> methods = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just("GET")), Tuple.of(3, Arbitraries.just("HEAD")),
        Tuple.of(3, Arbitraries.just("POST")),
        Tuple.of(3, Arbitraries.of("PUT", "OPTIONS", "DELETE", "PATCH", "TRACE", "CONNECT", "get", "M-SEARCH")),
        Tuple.of(1, Arbitraries.of("G\u0001T", "GE T", "")));
    Arbitrary<String> targets = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of("/shop/hello", "/shop/upload", "/shop/short", "/shop/big?n=" + STREAMED)),
        Tuple.of(4, Arbitraries.of("/shop/fail", "/shop/slow", "/secure/secret", "/down/gone",
            "http://app.local/shop/hello", "/shop/hello?x=%zz&y", "/shop/hello#frag", "/shop/hello/../upload")),
        Tuple.of(3, Arbitraries.of("/nope", "*", "/", "/shop/%00", "//shop/hello", "/shop/" + "a".repeat(5000),
            "/shop/h%C3%A9llo")));
    Arbitrary<String> versions = Arbitraries.of("HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0");
    Arbitrary<Header> valid = Arbitraries.of(
        new Header("Host", "app.local"), new Header("Host", ""), new Header("Host", "a b"),
        new Header("Host", "[::1]:80"), new Header("Host", "h".repeat(300)),
        new Header("Origin", "https://a.example"), new Header("Origin", "null"),
        new Header("Access-Control-Request-Method", "GET"), new Header("Access-Control-Request-Method", ""),
        new Header("Ocp-Apim-Subscription-Key", "nope"), new Header("Ocp-Apim-Subscription-Key", ""),
        new Header("X-Forwarded-For", "bad, 1.1.1.1"), new Header("Connection", "close"),
        new Header("Connection", "keep-alive"), new Header("Connection", "upgrade, close"),
        new Header("Upgrade", "websocket"), new Header("Accept", "*/*"), new Header("Cookie", "a=b; c=d"),
        new Header("Authorization", "Bearer "), new Header("Authorization", "Bearer a.b.c"),
        new Header("X-Weird", "\u00e9"), new Header("X-Weird", "tab\there"), new Header("X-Weird", "  padded  "),
        new Header("X-Weird", ""), new Header("X-Weird", "%0d%0a"),
        new Header("Content-Type", "text/plain; charset=utf-8"), new Header("TE", "trailers"),
        new Header("Keep-Alive", "timeout=5"), new Header("X-Gateway", "spoofed"));
    Arbitrary<Header> invalid = Arbitraries.of(new Header("X-Weird", "\u0001"), new Header("X-Weird", "a\u0000b"),
        new Header("X-Weird", "x".repeat(9000)), new Header("Bad Name", "x"), new Header("", "empty name"));
    Arbitrary<Header> headers = Arbitraries.frequencyOf(Tuple.of(30, valid), Tuple.of(1, invalid));
    Arbitrary<byte[]> bodies = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(new byte[0])),
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(900).ofMaxSize(1500)));
    Arbitrary<Integer> chunks = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0)),
        Tuple.of(1, Arbitraries.integers().between(1, 600)));
    return Combinators.combine(methods, targets, versions, headers.list().ofMaxSize(6), bodies, chunks)
        .as(Request::new).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 9_999).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Combinators.combine(Arbitraries.integers().between(0, 9_999), Arbitraries.integers().between(0, 4),
        Arbitraries.bytes()).as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE) // edge cases would be mostly the rare invalid headers
  void answersEveryRequestWithWellFormedHttp(@ForAll("requests") List<Request> requests,
      @ForAll("cuts") List<Integer> cuts, @ForAll boolean proxy, @ForAll boolean tracked) {
    Run run = run(concat(requests), cuts, proxy, -1, tracked);
    List<Boolean> heads = requests.stream().map(Request::head).toList();
    List<WireResponses.Response> responses = WireResponses.read(run.output, heads);

    assertThat(responses.size()).isLessThanOrEqualTo(requests.size());
    if (run.open) {
      assertThat(responses).as("every request of an open connection is answered").hasSize(requests.size());
    } else {
      assertThat(responses).as("a connection is closed after a response, not instead of one").isNotEmpty();
      assertThat(responses.get(responses.size() - 1).first("Connection")).isEqualToIgnoringCase("close");
    }
    for (int i = 0; i < responses.size(); i++) {
      Statistics.label("status").collect(responses.get(i).status());
      if (!requests.get(i).target().startsWith("/shop/fail")) {
        assertThat(responses.get(i).status()).as("answer to %s", requests.get(i)).isLessThan(500);
      }
    }
    assertThat(run.applicationProblems).isEmpty();
    // the generator keeps reaching the application and each kind of refusal
    Statistics.label("status").coverage(c -> {
      c.check(200).percentage(p -> p > 10);
      c.check(400).percentage(p -> p > 1);
      c.check(401).count(n -> n > 0);
      c.check(413).count(n -> n > 0);
      c.check(202).count(n -> n > 0);
    });
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void survivesAnyBytes(@ForAll("requests") List<Request> requests, @ForAll("mutations") List<Mutation> mutations,
      @ForAll("cuts") List<Integer> cuts, @ForAll boolean proxy, @ForAll @IntRange(min = -1, max = 8) int leaveAfter,
      @ForAll boolean tracked) {
    Run run = run(mutate(concat(requests), mutations), cuts, proxy, leaveAfter, tracked);
    Statistics.label("answer").collect(run.output.length == 0 ? "none"
        : new String(run.output, 0, Math.min(12, run.output.length), StandardCharsets.ISO_8859_1));
    if (run.output.length > 0) {
      assertThat(new String(run.output, 0, Math.min(7, run.output.length), StandardCharsets.ISO_8859_1))
          .isEqualTo("HTTP/1.".substring(0, Math.min(7, run.output.length)));
    }
    assertThat(run.applicationProblems).isEmpty();
  }

  @Example
  void answersALaterHttp1VersionAsHttp11AndRefusesOtherVersions() {
    for (boolean proxy : new boolean[] {false, true}) {
      assertThat(answer("HTTP/1.7", proxy)).startsWith("HTTP/1.1 200 ");
      for (String version : List.of("HTTP/0.9", "HTTP/2.0", "HTTP/0.1")) { // other names: 400 by the decoder
        assertThat(answer(version, proxy)).as(version).startsWith("HTTP/1.1 505 ").contains("connection: close");
      }
    }
  }

  private static String answer(String version, boolean proxy) {
    byte[] request = ("GET /shop/hello " + version + "\r\nHost: app.local\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    Run run = run(request, List.of(), proxy, -1, true);
    return new String(run.output, StandardCharsets.ISO_8859_1);
  }

  private record Run(byte[] output, boolean open, List<String> applicationProblems) {}

  /**
   * Feeds {@code bytes} in slices cut at {@code cuts}; the client leaves after slice {@code leaveAfter} (-1: never).
   * Buffers come from a {@link TrackingAllocator} when {@code tracked} (every one must be released by the end of the
   * run), else from Netty's pooled allocator, whose leaks {@link LeakRecorder} reports.
   * Exceptions that reach the end of the pipeline fail the run ({@link EmbeddedChannel#finishAndReleaseAll()}).
   */
  private static Run run(byte[] bytes, List<Integer> cuts, boolean proxy, int leaveAfter, boolean tracked) {
    Application application = new Application();
    EmbeddedChannel channel = new EmbeddedChannel();
    TrackingAllocator allocator = new TrackingAllocator();
    if (tracked) {
      channel.config().setAllocator(allocator);
    }
    channel.pipeline().addLast(new HttpServerCodec());
    if (proxy) {
      channel.pipeline().addLast(GatehouseHandler.proxy(() -> gatehouse, ECHO, MAX_REQUEST));
    } else {
      channel.pipeline().addLast(GatehouseHandler.inFront(() -> gatehouse, MAX_REQUEST, MAX_RESPONSE), application);
    }
    int[] ends = cuts.stream().mapToInt(c -> (int) ((long) c * bytes.length / 10_000)).sorted().toArray();
    ends = Arrays.copyOf(ends, ends.length + 1);
    ends[ends.length - 1] = bytes.length;
    int from = 0;
    for (int i = 0; i < ends.length && channel.isOpen(); i++) {
      if (ends[i] > from) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, ends[i] - from));
        from = ends[i];
      }
      channel.runPendingTasks();
      if (i == leaveAfter) {
        channel.close();
      }
    }
    channel.runPendingTasks();
    byte[] output = WireResponses.drain(channel);
    boolean open = channel.isOpen();
    channel.finishAndReleaseAll();
    assertThat(allocator.unreleased()).as("buffers never released").isZero(); // pooled ones: see noLeaks()
    return new Run(output, open, application.problems);
  }

  private static byte[] concat(List<Request> requests) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    requests.forEach(r -> out.writeBytes(r.wire()));
    return out.toByteArray();
  }

  private static byte[] mutate(byte[] bytes, List<Mutation> mutations) {
    byte[] b = bytes;
    for (Mutation m : mutations) {
      int at = (int) ((long) m.where() * b.length / 10_000);
      byte[] insert = switch (m.kind()) {
        case 0 -> new byte[] {m.value()};
        case 3 -> "\r\n".getBytes(StandardCharsets.US_ASCII);
        case 4 -> "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        default -> new byte[0];
      };
      if (m.kind() == 1 && at < b.length) {
        b = b.clone();
        b[at] = m.value(); // overwrite
      } else if (m.kind() == 2 && at < b.length) {
        byte[] shorter = new byte[b.length - 1];
        System.arraycopy(b, 0, shorter, 0, at);
        System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
        b = shorter;
      } else if (insert.length > 0) {
        byte[] longer = new byte[b.length + insert.length];
        System.arraycopy(b, 0, longer, 0, at);
        System.arraycopy(insert, 0, longer, at, insert.length);
        System.arraycopy(b, at, longer, at + insert.length, b.length - at);
        b = longer;
      }
    }
    return b;
  }

  /**
   * The application: echoes a request's body, streams {@value #STREAMED} bytes for {@code /big}, and notes anything
   * it should never have been given.
   */
  private static final class Application extends ChannelInboundHandlerAdapter {
    final List<String> problems = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (!(msg instanceof FullHttpRequest request)) {
          problems.add("not a whole request: " + msg);
          return;
        }
        if (!request.decoderResult().isSuccess()) {
          problems.add("a request that failed to decode: " + request.decoderResult());
        }
        if (request.content().readableBytes() > MAX_REQUEST) {
          problems.add("a body over the bound: " + request.content().readableBytes());
        }
        if (request.uri().contains("/big")) {
          HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
          HttpUtil.setTransferEncodingChunked(head, true);
          ctx.write(head);
          for (int sent = 0; sent < STREAMED; sent += 4000) {
            ctx.write(new DefaultHttpContent(ctx.alloc().buffer().writeZero(Math.min(4000, STREAMED - sent))));
          }
          ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
          return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
            ctx.alloc().buffer().writeBytes(request.content()));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response);
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }
}
