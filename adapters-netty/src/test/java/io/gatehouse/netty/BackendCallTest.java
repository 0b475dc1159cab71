package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.BackendException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A pooled connection the backend closes between the pool's health check and the call's turn on the event loop
 * (found by {@code HostileBackendPropertiesTest}: such a call used to wait for its whole header timeout).
 */
class BackendCallTest {
  static {
    LeakRecorder.install(); // before Netty's first buffer, or no later test class could see a leak
  }

  /** A pool that hands out nothing and records what is given back. */
  private static final class RecordingPool implements ChannelPool {
    final List<Channel> released = new ArrayList<>();

    @Override
    public Future<Channel> acquire() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Channel> acquire(Promise<Channel> promise) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> release(Channel channel) {
      released.add(channel);
      return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
    }

    @Override
    public Future<Void> release(Channel channel, Promise<Void> promise) {
      return release(channel);
    }

    @Override
    public void close() {}
  }

  private static Throwable startOnClosed(boolean reused, boolean mayRetry, RecordingPool pool,
      FullHttpRequest request) {
    EmbeddedChannel closed = new EmbeddedChannel(new BackendClientHandler(new BackendResponseDecoder()));
    if (reused) {
      closed.attr(BackendCall.REUSED).set(Boolean.TRUE);
    }
    closed.close();
    BackendCall call = new BackendCall(1024, mayRetry);
    call.start(closed, pool, request);
    assertThat(call.result).isCompletedExceptionally();
    assertThat(pool.released).containsExactly(closed);
    return call.result.handle((r, e) -> e instanceof CompletionException ? e.getCause() : e).join();
  }

  private static FullHttpRequest request() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.buffer(4).writeInt(1));
  }

  @Test
  void aReusedConnectionClosedBeforeTheCallStartsIsStaleAndRetried() {
    FullHttpRequest request = request();
    assertThat(startOnClosed(true, true, new RecordingPool(), request))
        .isInstanceOf(BackendCall.StaleConnection.class);
    assertThat(request.refCnt()).isZero();
  }

  @Test
  void otherwiseItIsAConnectionFailure() {
    FullHttpRequest request = request();
    Throwable failure = startOnClosed(true, false, new RecordingPool(), request);
    assertThat(failure).isInstanceOf(BackendException.class);
    assertThat(((BackendException) failure).kind()).isEqualTo(BackendException.Kind.CONNECTION_FAILURE);
    assertThat(request.refCnt()).isZero();
  }
}
