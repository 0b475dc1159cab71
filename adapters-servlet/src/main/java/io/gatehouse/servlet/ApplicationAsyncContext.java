package io.gatehouse.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link AsyncContext} an application gets from {@code startAsync()} behind the filter. The filter owns the
 * container's asynchronous cycle, so this context only reports completion: {@link #complete()} ends the
 * application's part (its captured response goes to the outbound policies), {@link #start} runs on a container
 * thread, listeners hear about completion and timeout. {@code dispatch} is not supported: the application behind the
 * filter answers by writing its response and calling {@code complete()}.
 */
final class ApplicationAsyncContext implements AsyncContext {
  private record Registration(AsyncListener listener, ServletRequest request, ServletResponse response) {}

  private final ServletRequest request;
  private final ServletResponse response;
  private final boolean originalRequestAndResponse;
  private final Executor containerThreads;
  private final Runnable onComplete;
  private final List<Registration> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean completed = new AtomicBoolean();
  private volatile long timeoutMillis;

  ApplicationAsyncContext(ServletRequest request, ServletResponse response, boolean originalRequestAndResponse,
      Executor containerThreads, long timeoutMillis, Runnable onComplete) {
    this.request = request;
    this.response = response;
    this.originalRequestAndResponse = originalRequestAndResponse;
    this.containerThreads = containerThreads;
    this.timeoutMillis = timeoutMillis;
    this.onComplete = onComplete;
  }

  boolean isCompleted() {
    return completed.get();
  }

  /** Tells the listeners the application's time ran out; returns whether one of them completed the context. */
  boolean timedOut() {
    for (Registration r : listeners) {
      try {
        r.listener().onTimeout(new AsyncEvent(this, r.request(), r.response()));
      } catch (IOException | RuntimeException e) {
        // A failing listener does not stop the others; the exchange then fails with a timeout.
      }
    }
    return completed.get();
  }

  @Override
  public ServletRequest getRequest() {
    return request;
  }

  @Override
  public ServletResponse getResponse() {
    return response;
  }

  @Override
  public boolean hasOriginalRequestAndResponse() {
    return originalRequestAndResponse;
  }

  @Override
  public void dispatch() {
    throw new UnsupportedOperationException(
        "AsyncContext.dispatch is not supported behind GatehouseFilter: write the response and call complete()");
  }

  @Override
  public void dispatch(String path) {
    dispatch();
  }

  @Override
  public void dispatch(ServletContext context, String path) {
    dispatch();
  }

  @Override
  public void complete() {
    if (!completed.compareAndSet(false, true)) {
      return;
    }
    for (Registration r : listeners) {
      try {
        r.listener().onComplete(new AsyncEvent(this, r.request(), r.response()));
      } catch (IOException | RuntimeException e) {
        // Listener failures must not lose the response.
      }
    }
    onComplete.run();
  }

  @Override
  public void start(Runnable run) {
    containerThreads.execute(run);
  }

  @Override
  public void addListener(AsyncListener listener) {
    listeners.add(new Registration(listener, request, response));
  }

  @Override
  public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
    listeners.add(new Registration(listener, servletRequest, servletResponse));
  }

  @Override
  public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ServletException("cannot create " + type.getName(), e);
    }
  }

  @Override
  public void setTimeout(long timeout) {
    this.timeoutMillis = timeout;
  }

  @Override
  public long getTimeout() {
    return timeoutMillis;
  }
}
