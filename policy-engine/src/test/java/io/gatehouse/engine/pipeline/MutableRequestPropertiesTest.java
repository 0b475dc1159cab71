package io.gatehouse.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.HttpUrl;
import io.gatehouse.engine.context.UrlInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link MutableRequest#backendUrl()} builds in one buffer what {@code url().toString()} gives. */
class MutableRequestPropertiesTest {
  @Provide
  Arbitrary<String> bases() {
    return Arbitraries.of("http://app/api", "http://app/api/", "http://app", "http://app/", "https://b.example:443/x",
        "https://b.example:8443/x/y/", "HTTP://Up.Example:80/a%20b", "http://10.0.0.1:80", "https://h/;v=1/");
  }

  @Provide
  Arbitrary<String> relativePaths() {
    return Arbitraries.of("", "/", "/hello", "hello", "/a/b/", "//x", "/%2F;p=1");
  }

  @Provide
  Arbitrary<String> requestUrls() {
    return Arbitraries.of("http://gw/api/hello", "https://gw:8443/api?a=1&b=2&a=3", "http://gw/api?x&y=",
        "http://gw/?q=a%20b+c&%C3%A9=%26");
  }

  @Property(tries = 500)
  void backendUrlIsTheUrlText(@ForAll("bases") String base, @ForAll("relativePaths") String relative,
      @ForAll("requestUrls") String requestUrl, @ForAll boolean editQuery) {
    UrlInfo original = UrlInfo.of(HttpUrl.parse(requestUrl));
    MutableRequest request = new MutableRequest("GET", original, URI.create(base), relative, new HttpHeaders(),
        null, Map.of(), "127.0.0.1", null, List.of());
    assertThat(request.backendUrl()).isEqualTo(request.url().toString());
    if (editQuery) {
      request.query().put("added", new java.util.ArrayList<>(List.of("1 2")));
      request.query().remove("a");
      assertThat(request.backendUrl()).isEqualTo(request.url().toString());
    }
    request.setRelativePath(relative + "/more");
    assertThat(request.backendUrl()).isEqualTo(request.url().toString());
  }
}
