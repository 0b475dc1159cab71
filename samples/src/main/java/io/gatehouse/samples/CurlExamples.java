package io.gatehouse.samples;

import java.net.URI;
import java.util.List;

/** Ready-to-paste curl commands against a running quickstart gateway, one per policy the tree shows. */
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
}
