package io.gatehouse.engine.expr;

import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.xml.Diagnostics;

/**
 * Compiles APIM policy expressions ({@code @(...)}, {@code @{...}}) written in the supported C# subset into
 * closures. Thread-safe; all parsing, binding and type checking happens in {@link #compile}.
 */
public final class CSharpExpressionCompiler implements ExpressionCompiler {
  private final ExpressionOptions options;

  public CSharpExpressionCompiler() {
    this(ExpressionOptions.DEFAULTS);
  }

  public CSharpExpressionCompiler(ExpressionOptions options) {
    this.options = options;
  }

  @Override
  public CompiledExpression compile(ExpressionSource source, ResultType resultType, Diagnostics diagnostics) {
    Reporter reporter = new Reporter(source, diagnostics);
    Parser.Result parsed = Parser.parse(source.text(), reporter);
    if (parsed == null) {
      return null;
    }
    Binder binder = new Binder(reporter);
    Eval body;
    CsType type;
    try {
      if (parsed.expression() != null) {
        Bound bound = binder.bindExpressionBody(parsed.expression());
        body = bound.eval;
        type = bound.type;
      } else {
        Exec block = binder.bindBlockBody(parsed.block(), source.text().stripTrailing().length() - 1);
        type = binder.returnType();
        body = f -> {
          block.run(f);
          return f.result;
        };
      }
      body = HostConversion.wrap(body, type, resultType, source);
    } catch (CompileError e) {
      reporter.error(e.offset, e.template, e.quoted);
      return null;
    } catch (StackOverflowError e) {
      reporter.error(0, "expression is nested too deeply");
      return null;
    }
    return new Compiled(body, binder.slots(), options);
  }

  /** The immutable compiled form: a closure tree plus the frame size. */
  private record Compiled(Eval body, int slots, ExpressionOptions options) implements CompiledExpression {
    @Override
    public Object evaluate(PolicyContext context) {
      Frame frame = new Frame(slots, context, options);
      try {
        return body.eval(frame);
      } catch (ExpressionFailure e) {
        throw e;
      } catch (CsException e) {
        throw new ExpressionFailure(e.typeName(), e.message(), e);
      } catch (StackOverflowError e) {
        throw new ExpressionFailure(Frame.BUDGET_EXCEEDED, "The expression recursed too deeply.");
      } catch (RuntimeException e) {
        throw new ExpressionFailure("InvalidOperationException", "Operation is not valid due to the current state"
            + " of the object.", e);
      }
    }
  }
}
