package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;

/** Compiles one policy element into a {@link Step}; reports problems to the context and then returns null. */
@FunctionalInterface
interface PolicyFactory {
  Step compile(XmlElement element, CompileContext context);
}
