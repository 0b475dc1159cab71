package io.gatehouse.servlet;

import jakarta.servlet.AsyncContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs work for one request on a container thread. Once the filter has started the container's asynchronous cycle,
 * work goes through {@link AsyncContext#start}; before that it waits in a queue, drained either when the cycle
 * starts ({@link #attach}) or, for a chain that does not support async, by the filter's own thread ({@link
 * #runUntil}).
 */
final class ContainerThreads implements Executor {
  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private AsyncContext context;

  @Override
  public void execute(Runnable task) {
    AsyncContext c;
    synchronized (this) {
      c = context;
      if (c == null) {
        queue.add(task);
        return;
      }
    }
    c.start(task);
  }

  /** From now on work runs through {@code asyncContext.start}; queued work is handed over. */
  synchronized void attach(AsyncContext asyncContext) {
    context = asyncContext;
    for (Runnable task; (task = queue.poll()) != null; ) {
      asyncContext.start(task);
    }
  }

  /** Runs queued work on the calling (container) thread until {@code done} completes. */
  void runUntil(CompletableFuture<?> done) throws InterruptedException {
    done.whenComplete((v, e) -> queue.add(() -> { }));
    while (!done.isDone()) {
      queue.take().run();
    }
    for (Runnable task; (task = queue.poll()) != null; ) {
      task.run();
    }
  }
}
