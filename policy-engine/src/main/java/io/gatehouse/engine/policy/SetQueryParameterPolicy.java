package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** {@code set-query-parameter}: edits the backend request's query; several values repeat the parameter. */
final class SetQueryParameterPolicy implements Step {
  private final NamedValuesEdit edit;

  private SetQueryParameterPolicy(NamedValuesEdit edit) {
    this.edit = edit;
  }

  static Step compile(XmlElement element, CompileContext context) {
    NamedValuesEdit edit = NamedValuesEdit.compile(element, context);
    return edit == null ? null : new SetQueryParameterPolicy(edit);
  }

  @Override
  public Flow run(Exchange exchange) {
    String name = edit.evalName(exchange);
    ExistsAction action = edit.evalAction(exchange);
    LinkedHashMap<String, List<String>> query = exchange.request().query();
    List<String> values = action.apply(query.get(name), edit.evalValues(exchange));
    if (values.isEmpty()) {
      query.remove(name);
    } else {
      query.put(name, new ArrayList<>(values));
    }
    return Flow.CONTINUE;
  }
}
