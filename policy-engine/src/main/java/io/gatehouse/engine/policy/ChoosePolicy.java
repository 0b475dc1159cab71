package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.engine.pipeline.StepSequence;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code choose}: the first {@code when} whose condition is true runs, else {@code otherwise}. */
final class ChoosePolicy implements Step {
  private final List<Value<Boolean>> conditions;
  private final List<StepSequence> branches;
  private final StepSequence otherwise;

  private ChoosePolicy(List<Value<Boolean>> conditions, List<StepSequence> branches, StepSequence otherwise) {
    this.conditions = conditions;
    this.branches = branches;
    this.otherwise = otherwise;
  }

  static Step compile(XmlElement element, CompileContext context) {
    List<Value<Boolean>> conditions = new ArrayList<>();
    List<StepSequence> branches = new ArrayList<>();
    StepSequence otherwise = StepSequence.empty();
    boolean ok = true;
    int index = 0;
    for (XmlElement child : element.elements()) {
      index++;
      CompileContext branch = context.nested(context.path() + "\\" + child.name() + "[" + index + "]",
          context.target());
      if (child.name().equals("when")) {
        Value<Boolean> condition = branch.condition(child, "condition");
        ok &= condition != null;
        conditions.add(condition);
        branches.add(branch.statements(child, context.target()));
      } else if (child.name().equals("otherwise")) {
        otherwise = branch.statements(child, context.target());
      }
    }
    if (conditions.isEmpty()) {
      context.error(element.position(), "'choose' requires at least one 'when'");
      return null;
    }
    return ok ? new ChoosePolicy(List.copyOf(conditions), List.copyOf(branches), otherwise) : null;
  }

  @Override
  public Flow run(io.gatehouse.engine.pipeline.Exchange exchange) {
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.get(i).get(exchange)) {
        return branches.get(i).run(exchange);
      }
    }
    return otherwise.run(exchange);
  }
}
