package io.gatehouse.engine.policy;

import io.gatehouse.xml.Scope;
import io.gatehouse.xml.XmlElement;

/**
 * A statement of an effective (composed) section and the scope whose document it came from.
 *
 * @param element the policy element
 * @param scope the scope of its document (LastError.Scope)
 */
public record ScopedElement(XmlElement element, Scope scope) {}
