package io.gatehouse.engine;

import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.ProductInfo;
import io.gatehouse.engine.pipeline.MockResponses;
import io.gatehouse.engine.pipeline.Pipeline;
import java.net.URI;

/**
 * One operation ready to serve: its context objects and its compiled pipeline.
 *
 * @param api {@code context.Api}
 * @param operation {@code context.Operation}
 * @param serviceUrl the API's backend base URL, or null
 * @param product the product context keyless calls run in (an open product containing the API), or null
 * @param pipeline the composed, compiled policy for that context
 * @param mockResponses the operation's documented responses, for mock-response
 */
record CompiledOperation(ApiInfo api, OperationInfo operation, URI serviceUrl, ProductInfo product,
    Pipeline pipeline, MockResponses mockResponses) {}
