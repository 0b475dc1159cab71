package io.gatehouse.jmh.load;

import io.gatehouse.engine.Gatehouse;
import io.gatehouse.netty.GatehouseHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Netty hello server of the load benchmark: NIO, 1 boss + 2 worker threads, {@code HttpServerCodec} and one handler
 * answering {@code 200 hello} (5 bytes). Modes: {@code raw}; {@code bare} / {@code light} / {@code security} put
 * {@link GatehouseHandler#inFront} with {@link LoadPipelines} in front of the handler; {@code handwritten} puts
 * {@link HandWrittenLightHandler} there, {@code spin-NANOS} a {@link SpinHandler} (reference points, not Gatehouse).
 *
 * <p>{@code java -cp benchmarks.jar io.gatehouse.jmh.load.NettyHelloServer PORT MODE [WORKERS]}
 */
public final class NettyHelloServer {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  private NettyHelloServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    String mode = LoadPipelines.mode(args, 1);
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    boolean handWritten = mode.equals(LoadPipelines.HAND_WRITTEN);
    long spin = LoadPipelines.spinNanos(mode);
    Gatehouse gatehouse = mode.equals("raw") || handWritten || spin >= 0 ? null : LoadPipelines.gatehouse(mode);
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup worker = new MultiThreadIoEventLoopGroup(workers, NioIoHandler.newFactory());
    try {
      Channel server = new ServerBootstrap().group(boss, worker).channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec());
              if (gatehouse != null) {
                ch.pipeline().addLast(GatehouseHandler.inFront(gatehouse));
              } else if (handWritten) {
                ch.pipeline().addLast(handWrittenLight());
              } else if (spin >= 0) {
                ch.pipeline().addLast(new SpinHandler(spin));
              }
              ch.pipeline().addLast(new Hello());
            }
          })
          .bind("127.0.0.1", port).sync().channel();
      System.out.println("READY netty " + mode + " http://127.0.0.1:" + port + LoadPipelines.PATH);
      server.closeFuture().sync();
    } finally {
      boss.shutdownGracefully();
      worker.shutdownGracefully();
    }
  }

  /** {@link HandWrittenLightHandler} (shareable): the light pipeline written by hand, a reference point. */
  public static ChannelHandler handWrittenLight() {
    return new HandWrittenLightHandler();
  }

  /** The hello handler (shareable), for benchmarks that build their own pipeline. */
  public static ChannelHandler helloHandler() {
    return new Hello();
  }

  /** Answers every request with {@code 200 hello}; releases every message; flushes once per read batch. */
  @ChannelHandler.Sharable
  static final class Hello extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof HttpRequest request) {
          boolean keepAlive = HttpUtil.isKeepAlive(request);
          FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
              Unpooled.wrappedBuffer(HELLO));
          response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
              .setInt(HttpHeaderNames.CONTENT_LENGTH, HELLO.length);
          if (keepAlive) {
            ctx.write(response);
          } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    /** wrk resets its connections at the end of a run: close quietly instead of logging a stack trace each. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
