package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real browser against sample (a): headless Chromium loads a page from another origin whose script calls the
 * gateway with {@code fetch} and custom headers, so the browser sends a CORS preflight first. From the origin the
 * {@code cors} policy allows, the call succeeds; from any other origin the browser blocks it, and the servlet is
 * never called. Skipped when {@code /usr/bin/chromium} is missing, except with {@code CI=true}, where that fails.
 */
@Timeout(120)
class JettyFilterSampleChromiumTest {
  private static final long RESULT_SECONDS = 45;

  private static CrossOriginPage allowedPage;
  private static CrossOriginPage otherPage;
  private static JettyFilterSample sample;

  @BeforeAll
  static void start() throws Exception {
    if (!HeadlessChromium.installed()) {
      String message = HeadlessChromium.BINARY + " is missing: install Debian's chromium (scripts/install-test-deps.sh)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    // Pages first: the gateway's cors policy allows the first page's origin (its own free port).
    allowedPage = CrossOriginPage.start();
    otherPage = CrossOriginPage.start();
    sample = JettyFilterSample.start(SampleOptions.anyFreePorts().withAllowedOrigin(allowedPage.origin()));
    String token = SampleTokens.mintNow();
    allowedPage.target(sample.url(), JettyFilterSample.DEMO_KEY, token);
    otherPage.target(sample.url(), JettyFilterSample.DEMO_KEY, token);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {allowedPage, otherPage, sample}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  void fromTheAllowedOriginTheCallSucceeds() throws Exception {
    int before = sample.applicationCalls();

    assertThat(resultOf(allowedPage)).isEqualTo("ok 200 " + SampleTokens.DEFAULT_SUBJECT);
    assertThat(sample.applicationCalls()).isEqualTo(before + 1);
  }

  @Test
  void fromAnotherOriginTheBrowserBlocksTheCall() throws Exception {
    int before = sample.applicationCalls();

    assertThat(resultOf(otherPage)).isEqualTo("blocked TypeError");
    assertThat(sample.applicationCalls()).as("the preflight failed, so the GET was never sent").isEqualTo(before);
  }

  private static String resultOf(CrossOriginPage page) throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.open(page.origin() + "/")) {
      try {
        return page.result().get(RESULT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("the page reported nothing in " + RESULT_SECONDS + " s; chromium said:\n"
            + browser.log(), e);
      }
    }
  }
}
