package io.gatehouse.engine.pipeline;

import io.gatehouse.xml.Position;
import io.gatehouse.xml.Scope;
import io.gatehouse.xml.Section;

/**
 * Where a step came from: what {@code context.LastError} reports when it fails, and what traces show.
 *
 * @param policy element name, e.g. {@code set-header}
 * @param section section the statement runs in
 * @param scope scope of the document the statement came from
 * @param path nesting path such as {@code choose[3]\when[2]\set-header[1]}
 * @param policyId the element's {@code id} attribute, or null
 * @param position where the element is in its file
 */
public record StepInfo(String policy, Section section, Scope scope, String path, String policyId, Position position) {}
