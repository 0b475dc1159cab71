package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.Gatehouse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GatehouseHandler in front of an application's own Netty handler, which becomes the backend. */
class NettyInFrontTest extends RealClientContract {
  private final AtomicInteger appRequests = new AtomicInteger();
  private EventLoopGroup group;
  private Channel server;

  @BeforeAll
  void start() throws Exception {
    Gatehouse gatehouse = TestTree.inFront("netty-handler");
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec());
            addGatehouse(ch.pipeline(), gatehouse);
            ch.pipeline().addLast(new App());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  /** The handler puts requests together itself; {@link NettyInFrontAggregatedTest} has an aggregator in front. */
  void addGatehouse(ChannelPipeline pipeline, Gatehouse gatehouse) {
    pipeline.addLast(GatehouseHandler.inFront(() -> gatehouse, MAX_REQUEST,
        GatehouseHandler.DEFAULT_MAX_RESPONSE_LENGTH));
  }

  @AfterAll
  void stop() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Override
  String url() {
    return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  String backendPath(String suffix) {
    return "/base" + suffix;
  }

  @Test
  void applicationSeesTheModifiedRequestAndTheClientsHost() throws Exception {
    int before = appRequests.get();
    var r = send(get("/shop/hello"));
    assertThat(r.headers().firstValue("X-App-Host")).hasValue(url().substring("http://".length()));
    assertThat(appRequests.get()).isEqualTo(before + 1);
    send(get("/shop/short"));
    send(get("/secure/secret"));
    assertThat(appRequests.get()).as("return-response and a 401 never reach the application").isEqualTo(before + 1);
  }

  /** The application: the same answers as {@link EchoBackend}; never answers {@code /slow}; streams {@code /big}. */
  private final class App extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      appRequests.incrementAndGet();
      String uri = request.uri();
      String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
      if (path.endsWith("/slow")) {
        return;
      }
      if (path.endsWith("/big")) {
        int n = Integer.parseInt(uri.substring(uri.indexOf("n=") + 2));
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(head, true);
        decorate(head, request);
        ctx.write(head);
        byte[] block = new byte[8192];
        for (int i = 0; i < block.length; i++) {
          block[i] = (byte) ('a' + i % 26);
        }
        for (int sent = 0; sent < n; sent += block.length) {
          ctx.write(new DefaultHttpContent(ctx.alloc().buffer().writeBytes(block, 0, Math.min(block.length,
              n - sent))));
        }
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        return;
      }
      byte[] body = path.endsWith("/upload") ? ByteBufUtil.getBytes(request.content())
          : "hello".getBytes(StandardCharsets.UTF_8);
      boolean head = request.method().equals(HttpMethod.HEAD);
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      decorate(response, request);
      ctx.writeAndFlush(response);
    }

    private void decorate(HttpResponse response, FullHttpRequest request) {
      response.headers().set("X-Backend-Path", request.uri());
      response.headers().set("X-App-Host", request.headers().get(HttpHeaderNames.HOST));
      String gateway = request.headers().get("X-Gateway");
      if (gateway != null) {
        response.headers().set("X-Echo-Gateway", gateway);
      }
    }
  }
}
