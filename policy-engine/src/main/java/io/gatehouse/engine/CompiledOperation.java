package io.gatehouse.engine;

import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.ProductInfo;
import io.gatehouse.engine.pipeline.MockResponses;
import io.gatehouse.engine.pipeline.Pipeline;
import java.net.URI;
import java.util.Map;

/**
 * One operation ready to serve: its context objects and one compiled pipeline per product context.
 *
 * @param api {@code context.Api}
 * @param operation {@code context.Operation}
 * @param serviceUrl the API's backend base URL, or null
 * @param access what the subscription key check needs to know about the API
 * @param pipeline the composed, compiled policy outside any product context
 * @param products per product containing the API (lower-case id): the product and the pipeline in its context
 * @param mockResponses the operation's documented responses, for mock-response
 */
record CompiledOperation(ApiInfo api, OperationInfo operation, URI serviceUrl, ApiAccess access, Pipeline pipeline,
    Map<String, ProductPipeline> products, MockResponses mockResponses) {

  /** A product context: {@code context.Product} and the pipeline composed with the product's policy. */
  record ProductPipeline(ProductInfo product, Pipeline pipeline) {}
}
