package io.deltapromotion.infrastructure.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a size with 413 before anything reads them: one declared longer by its
 * Content-Length at once, one sent in chunks as soon as it grows past the limit (the endpoint then
 * answers 413 too: see {@link JsonEndpoint}). Our bodies are a few hundred bytes of JSON, so the limit
 * only ever stops a client that wants the service to buffer megabytes.
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

  private final long maxBytes;

  public RequestBodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      response.setStatus(413);
      response.setContentType("application/json");
      response.getOutputStream().write(("{\"error\":\"the body has " + declared + " bytes; at most " + maxBytes
          + " are accepted\"}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  /** A body read past the limit. */
  public static final class TooLargeException extends IOException {
    TooLargeException(long maxBytes) {
      super("the body is longer than " + maxBytes + " bytes, the most accepted");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), maxBytes);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    Counting(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > maxBytes) {
        throw new TooLargeException(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
