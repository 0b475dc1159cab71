package io.gatehouse.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;

/**
 * What a container's request dispatcher finds beneath the {@link ApplicationResponse} when the filter forwards a
 * request to another path: the client's response, behind an object that is not a {@code ServletResponseWrapper}.
 *
 * <p>Why: after a forward, Tomcat 11 (its default {@code suspendWrappedResponseAfterForward}) unwraps the response
 * it was given down to its own and finishes that, so the client's response would be closed before the outbound
 * policies ran and the filter wrote it. The dispatcher stops unwrapping here. Containers only insert their own
 * wrapper above this object; the application writes to the {@link ApplicationResponse}, which overrides every
 * method that writes, so nothing reaches this object but reads. A write that still arrives would bypass the
 * policies: it fails instead.
 *
 * <p>Tomcat in strict servlet compliance checks that a forwarded response wraps the original and would refuse
 * such a forward (the forward-request then fails as {@code BackendConnectionFailure}); not tested.
 */
final class DispatchShield implements HttpServletResponse {
  private final HttpServletResponse client;

  DispatchShield(HttpServletResponse client) {
    this.client = client;
  }

  private static IllegalStateException bypass() {
    return new IllegalStateException("the application's response goes through Gatehouse, not to the client directly");
  }

  // reads and pure functions: the client's response answers

  @Override
  public String encodeURL(String url) {
    return client.encodeURL(url);
  }

  @Override
  public String encodeRedirectURL(String url) {
    return client.encodeRedirectURL(url);
  }

  @Override
  public boolean containsHeader(String name) {
    return client.containsHeader(name);
  }

  @Override
  public int getStatus() {
    return client.getStatus();
  }

  @Override
  public String getHeader(String name) {
    return client.getHeader(name);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return client.getHeaders(name);
  }

  @Override
  public Collection<String> getHeaderNames() {
    return client.getHeaderNames();
  }

  @Override
  public String getCharacterEncoding() {
    return client.getCharacterEncoding();
  }

  @Override
  public String getContentType() {
    return client.getContentType();
  }

  @Override
  public int getBufferSize() {
    return client.getBufferSize();
  }

  @Override
  public boolean isCommitted() {
    return client.isCommitted();
  }

  @Override
  public Locale getLocale() {
    return client.getLocale();
  }

  // writes: never from here

  @Override
  public void addCookie(Cookie cookie) {
    throw bypass();
  }

  @Override
  public void sendError(int sc, String msg) {
    throw bypass();
  }

  @Override
  public void sendError(int sc) {
    throw bypass();
  }

  @Override
  public void sendRedirect(String location) {
    throw bypass();
  }

  @Override
  public void setDateHeader(String name, long date) {
    throw bypass();
  }

  @Override
  public void addDateHeader(String name, long date) {
    throw bypass();
  }

  @Override
  public void setHeader(String name, String value) {
    throw bypass();
  }

  @Override
  public void addHeader(String name, String value) {
    throw bypass();
  }

  @Override
  public void setIntHeader(String name, int value) {
    throw bypass();
  }

  @Override
  public void addIntHeader(String name, int value) {
    throw bypass();
  }

  @Override
  public void setStatus(int sc) {
    throw bypass();
  }

  @Override
  public ServletOutputStream getOutputStream() {
    throw bypass();
  }

  @Override
  public PrintWriter getWriter() {
    throw bypass();
  }

  @Override
  public void setCharacterEncoding(String charset) {
    throw bypass();
  }

  @Override
  public void setContentLength(int len) {
    throw bypass();
  }

  @Override
  public void setContentLengthLong(long len) {
    throw bypass();
  }

  @Override
  public void setContentType(String type) {
    throw bypass();
  }

  @Override
  public void setBufferSize(int size) {
    throw bypass();
  }

  @Override
  public void flushBuffer() {
    throw bypass();
  }

  @Override
  public void resetBuffer() {
    throw bypass();
  }

  @Override
  public void reset() {
    throw bypass();
  }

  @Override
  public void setLocale(Locale loc) {
    throw bypass();
  }
}
