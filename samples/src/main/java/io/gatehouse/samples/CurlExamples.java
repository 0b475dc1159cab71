package io.gatehouse.samples;

import java.net.URI;
import java.util.List;

/** Ready-to-paste curl commands against a running sample, one per policy its tree shows. */
final class CurlExamples {
  private CurlExamples() {}

  /** Each entry: what the command shows, then the command. */
  static List<String[]> forGateway(URI gateway) {
    String orders = gateway.toString().replaceAll("/$", "") + "/orders";
    return List.of(
        new String[] {"200 through to the demo backend (rewrite-uri, set-backend-service)",
            "curl -i " + orders + "/1"},
        new String[] {"200 list filtered by status (query string kept by rewrite-uri)",
            "curl -i '" + orders + "?status=shipped'"},
        new String[] {"404 answered by the gateway (choose + return-response)",
            "curl -i " + orders + "/0"},
        new String[] {"400 from check-header (no Idempotency-Key)",
            "curl -i -X POST " + orders + " -H 'Content-Type: application/json' -d '{\"item\":\"tea\",\"quantity\":1}'"},
        new String[] {"201 created (same request with the header)",
            "curl -i -X POST " + orders + " -H 'Content-Type: application/json' -H 'Idempotency-Key: k-1'"
                + " -d '{\"item\":\"tea\",\"quantity\":1}'"},
        new String[] {"CORS preflight (cors)",
            "curl -i -X OPTIONS " + orders + " -H 'Origin: http://localhost:3000'"
                + " -H 'Access-Control-Request-Method: POST'"
                + " -H 'Access-Control-Request-Headers: content-type,idempotency-key'"},
        new String[] {"mocked tracking, no backend call (mock-response)",
            "curl -i " + orders + "/1/tracking"});
  }

  /**
   * The Jetty sample's commands. They use {@code $KEY} and {@code $TOKEN}, which the sample prints as
   * {@code export} lines first.
   */
  static List<String[]> forJettySample(URI server, String allowedOrigin) {
    String base = server.toString().replaceAll("/$", "");
    String orders = base + "/api/orders";
    String credentials = " -H \"Ocp-Apim-Subscription-Key: $KEY\" -H \"Authorization: Bearer $TOKEN\"";
    return List.of(
        new String[] {"401: no subscription key",
            "curl -i " + orders},
        new String[] {"401: a key but no token (validate-jwt)",
            "curl -i " + orders + " -H \"Ocp-Apim-Subscription-Key: $KEY\""},
        new String[] {"200: key and token; the servlet saw the caller from the token, never the credentials",
            "curl -i " + orders + credentials},
        new String[] {"201: create an order as the token's subject",
            "curl -i -X POST " + orders + credentials
                + " -H 'Content-Type: application/json' -d '{\"item\":\"tea\",\"quantity\":1}'"},
        new String[] {"429: 5 calls a minute per subscription (rate-limit-by-key); prints one status per call",
            "for i in 1 2 3 4 5 6; do curl -s -o /dev/null -w '%{http_code}\\n' " + orders + "/1" + credentials
                + "; done"},
        new String[] {"CORS preflight from the allowed origin: 200 with Access-Control-Allow-*",
            "curl -i -X OPTIONS " + orders + " -H 'Origin: " + allowedOrigin + "'"
                + " -H 'Access-Control-Request-Method: GET'"
                + " -H 'Access-Control-Request-Headers: authorization,ocp-apim-subscription-key'"},
        new String[] {"outside /api the application answers alone (no key needed)",
            "curl -i " + base + "/health"});
  }

  /** The Netty sample's commands. */
  static List<String[]> forNettySample(URI gateway) {
    String orders = gateway.toString().replaceAll("/$", "") + "/orders";
    return List.of(
        new String[] {"200 through the Netty gateway to the backend (rewrite-uri, set-backend-service, set-header)",
            "curl -i " + orders + "/1"},
        new String[] {"200 the list, filtered by status (query string kept)",
            "curl -i '" + orders + "?status=shipped'"},
        new String[] {"429: 10 calls a minute per client IP (rate-limit-by-key); prints one status per call",
            "for i in $(seq 1 11); do curl -s -o /dev/null -w '%{http_code}\\n' " + orders + "/1; done"},
        new String[] {"404: no such operation",
            "curl -i " + gateway.toString().replaceAll("/$", "") + "/customers"});
  }
}
