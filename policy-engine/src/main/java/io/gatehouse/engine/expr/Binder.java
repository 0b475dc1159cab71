package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.Syntax.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the syntax tree to static C# types (spec section 5) and compiles it into closures with C# semantics
 * (section 6). Reports the first error as a {@link CompileError}; warnings go to the {@link Reporter}.
 */
final class Binder {
  /** A local variable: its frame slot and type. */
  /** A local variable; {@code constant} holds the value of a {@code const} local, else null. */
  record Local(String name, int slot, CsType type, boolean readOnly, Object constant) {}

  /** A bound one-parameter lambda. */
  record Fn(int slot, Eval body, CsType returnType) {
    Object call(Frame f, Object arg) {
      f.step();
      f.locals[slot] = arg;
      return body.eval(f);
    }
  }

  private final Reporter reporter;
  private final Library library;
  private final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
  private final Deque<Local> receivers = new ArrayDeque<>();
  /** Slots holding the exception of each enclosing catch clause, innermost first (for {@code throw;}). */
  private final Deque<Integer> catchSlots = new ArrayDeque<>();
  private int slots;
  private int loopDepth;
  private int uncheckedDepth;
  /** The declared return type inside a local function body, else null (the block's type is inferred). */
  private CsType functionReturn;
  private final LocalFunctions localFunctions = new LocalFunctions(this);
  private CsType returnType;

  Binder(Reporter reporter) {
    this.reporter = reporter;
    this.library = new Library(this);
    scopes.push(new HashMap<>());
  }

  int slots() {
    return slots;
  }

  Reporter reporter() {
    return reporter;
  }

  // ---- scopes ----

  Local declare(int pos, String name, CsType type, boolean readOnly) {
    if (name.equals("context")) {
      throw new CompileError(pos, "a local named %s conflicts with the implicit context object", name);
    }
    for (Map<String, Local> s : scopes) {
      if (s.containsKey(name)) {
        throw new CompileError(pos, "a local named %s cannot be declared in this scope because it would give a"
            + " different meaning to %s (CS0136)", name, name);
      }
    }
    Local l = new Local(name, slots++, type, readOnly, null);
    scopes.peek().put(name, l);
    return l;
  }

  private Local lookup(String name) {
    for (Map<String, Local> s : scopes) {
      Local l = s.get(name);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  List<String> localNames() {
    List<String> out = new ArrayList<>();
    scopes.forEach(s -> out.addAll(s.keySet()));
    return out;
  }

  void push() {
    scopes.push(new HashMap<>());
  }

  /** Whether constant overflow wraps here ({@code unchecked}) instead of being a compile error (spec 6.1). */
  boolean isUnchecked() {
    return uncheckedDepth > 0;
  }

  /** A fresh slot no name refers to. */
  int hiddenSlot() {
    return slots++;
  }

  void enterCatch(int slot) {
    catchSlots.push(slot);
  }

  void exitCatch() {
    catchSlots.pop();
  }

  /** The slot of the innermost enclosing catch clause's exception, or -1 outside catch clauses. */
  int catchSlot() {
    return catchSlots.isEmpty() ? -1 : catchSlots.peek();
  }

  void pop() {
    scopes.pop();
  }

  // ---- entry points ----

  /** Binds an {@code @()} body once; its type and closure. */
  Bound bindExpressionBody(Expr e) {
    Bound b = value(e);
    if (b.type == CsType.VOID) {
      throw new CompileError(e.pos(), "the expression has no value (void)");
    }
    return b;
  }

  /** Binds a {@code @{}} body; every path must return. */
  Exec bindBlockBody(Block block, int endOffset) {
    returnType = null;
    Stmt[] one = {block};
    Exec body = statementList(List.of(one));
    if (reachable(block)) {
      throw new CompileError(endOffset, "not all code paths return a value");
    }
    return body;
  }

  CsType returnType() {
    return returnType == null ? CsType.OBJECT : returnType;
  }

  // ---- expressions ----

  Bound value(Expr e) {
    Bound b = bind(e);
    if (b.lambda != null) {
      throw new CompileError(e.pos(), "a lambda expression is only allowed as an argument of a LINQ method");
    }
    if (b.typeRef != null) {
      throw new CompileError(e.pos(), "%s is a type, which is not valid in this context", b.typeRef.name);
    }
    if (b.namespace != null) {
      throw new CompileError(e.pos(), "unknown identifier %s%s", b.namespace, suggestion(b.namespace));
    }
    return b;
  }

  private String suggestion(String name) {
    List<String> known = new ArrayList<>(localNames());
    known.add("context");
    known.addAll(Library.TYPE_NAMES);
    String best = Library.nearest(name, known);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  Bound bind(Expr e) {
    if (e instanceof Literal l) {
      return literal(l);
    }
    if (e instanceof Name n) {
      return name(n);
    }
    if (e instanceof TypeName t) {
      return Bound.typeRef(t.pos(), resolveType(t.type()));
    }
    if (e instanceof Member m) {
      Bound target = bind(m.target());
      if (target.lambda != null) {
        throw new CompileError(m.pos(), "member access on a lambda");
      }
      return library.member(target, m.name(), m.typeArgs(), m.pos());
    }
    if (e instanceof Invoke i) {
      return invoke(i);
    }
    if (e instanceof Index i) {
      Bound target = value(i.target());
      List<Bound> args = new ArrayList<>();
      for (Arg a : i.args()) {
        args.add(value(a.value()));
      }
      return library.index(target, args, i.pos());
    }
    if (e instanceof ConditionalAccess c) {
      return conditionalAccess(c);
    }
    if (e instanceof Receiver r) {
      Local l = receivers.peek();
      int slot = l.slot();
      return Bound.of(r.pos(), l.type(), f -> f.locals[slot]);
    }
    if (e instanceof Interpolated s) {
      return interpolated(s);
    }
    if (e instanceof Unary u) {
      return Operators.unary(this, u);
    }
    if (e instanceof Postfix p) {
      return Operators.increment(this, p.pos(), p.op(), p.operand(), true);
    }
    if (e instanceof Binary b) {
      return Operators.binary(this, b);
    }
    if (e instanceof Conditional c) {
      return conditional(c);
    }
    if (e instanceof Assign a) {
      return Operators.assign(this, a);
    }
    if (e instanceof Cast c) {
      Bound v = value(c.operand());
      CsType to = resolveType(c.type());
      return Bound.of(c.pos(), to, Conversions.explicit(v, to, c.pos()));
    }
    if (e instanceof As a) {
      Bound v = value(a.operand());
      CsType to = resolveType(a.type());
      if (!to.acceptsNull()) {
        throw new CompileError(a.pos(), "the as operator must be used with a reference or nullable type (%s)",
            to.name);
      }
      Eval ev = v.eval;
      return Bound.of(a.pos(), to, f -> {
        Object x = ev.eval(f);
        return x != null && Values.isInstance(x, to) ? x : null;
      });
    }
    if (e instanceof Is i) {
      return is(i);
    }
    if (e instanceof New n) {
      return library.construct(resolveType(n.type()), n.args(), n.init(), n.pos());
    }
    if (e instanceof NewArray n) {
      return newArray(n);
    }
    if (e instanceof NewAnonymous n) {
      return AnonymousTypes.create(this, n);
    }
    if (e instanceof Lambda l) {
      return Bound.lambda(l);
    }
    if (e instanceof Default d) {
      CsType t = resolveType(d.type());
      return Bound.constant(d.pos(), t, Conversions.defaultValue(t));
    }
    if (e instanceof TypeOf t) {
      CsType type = resolveType(t.type());
      return Bound.constant(t.pos(), CsType.cls("Type"), Values.netName(type));
    }
    if (e instanceof Unchecked u) {
      uncheckedDepth++;
      try {
        return value(u.operand());
      } finally {
        uncheckedDepth--;
      }
    }
    if (e instanceof InitGroup g) {
      throw new CompileError(g.pos(), "unexpected initializer");
    }
    throw new CompileError(e.pos(), "unsupported expression");
  }

  private Bound literal(Literal l) {
    Object v = l.value();
    return switch (l.kind()) {
      case INT -> Bound.constant(l.pos(), CsType.INT, v);
      case UINT -> Bound.constant(l.pos(), CsType.UINT, v);
      case LONG -> Bound.constant(l.pos(), CsType.LONG, v);
      case ULONG -> Bound.constant(l.pos(), CsType.ULONG, v);
      case DOUBLE -> Bound.constant(l.pos(), CsType.DOUBLE, v);
      case FLOAT -> Bound.constant(l.pos(), CsType.FLOAT, v);
      case DECIMAL -> Bound.constant(l.pos(), CsType.DECIMAL, v);
      case CHAR -> Bound.constant(l.pos(), CsType.CHAR, v);
      case STRING -> {
        Bound b = Bound.constant(l.pos(), CsType.STRING, ((String) v).intern());
        b.literal = true;
        yield b;
      }
      default -> v == null ? Bound.constant(l.pos(), CsType.NULL, null) : Bound.constant(l.pos(), CsType.BOOL, v);
    };
  }

  private Bound name(Name n) {
    Local l = lookup(n.id());
    if (l != null) {
      if (l.constant() != null) {
        return Bound.constant(n.pos(), l.type(), l.constant());
      }
      int slot = l.slot();
      Bound b = Bound.of(n.pos(), l.type(), f -> f.locals[slot]);
      if (!l.readOnly()) {
        b.store = (f, v) -> f.locals[slot] = v;
      }
      return b;
    }
    if (n.id().equals("context")) {
      return Bound.of(n.pos(), Library.CONTEXT, f -> f.context);
    }
    CsType t = Library.lookupType(n.id(), resolveTypes(n.typeArgs()));
    if (t != null) {
      return Bound.typeRef(n.pos(), t);
    }
    if (Library.NAMESPACE_ROOTS.contains(n.id())) {
      return Bound.namespace(n.pos(), n.id());
    }
    throw new CompileError(n.pos(), "unknown identifier %s" + suggestion(n.id()), n.id());
  }

  private Bound invoke(Invoke i) {
    Expr t = i.target();
    if (t instanceof Member m) {
      Bound target = bind(m.target());
      return library.call(target, m.name(), resolveTypes(m.typeArgs()), i.args(), m.pos());
    }
    if (t instanceof Name n) {
      Bound fn = localFunctions.call(n.id(), i.args(), n.pos());
      if (fn == null) {
        throw new CompileError(n.pos(), "unknown method %s", n.id());
      }
      return fn;
    }
    throw new CompileError(i.pos(), "this expression cannot be called");
  }

  private Bound conditionalAccess(ConditionalAccess c) {
    Bound target = value(c.target());
    if (target.type.isValueType() && !target.type.isNullable()) {
      throw new CompileError(c.pos(), "operator '?.' cannot be applied to a value of type %s", target.type.name);
    }
    Local r = new Local("?", slots++, target.type.underlying(), true, null);
    receivers.push(r);
    Bound body;
    try {
      body = value(c.body());
    } finally {
      receivers.pop();
    }
    CsType type = body.type == CsType.VOID ? CsType.VOID : CsType.nullable(body.type);
    Eval te = target.eval;
    Eval be = body.eval;
    int slot = r.slot();
    return Bound.of(c.pos(), type, f -> {
      Object v = te.eval(f);
      if (v == null) {
        return null;
      }
      f.locals[slot] = v;
      return be.eval(f);
    });
  }

  private Bound interpolated(Interpolated s) {
    List<Eval> parts = new ArrayList<>();
    for (Object p : s.parts()) {
      if (p instanceof String str) {
        parts.add(f -> str);
      } else {
        Hole h = (Hole) p;
        Bound v = value(h.value());
        if (v.type == CsType.VOID) {
          throw new CompileError(h.value().pos(), "the expression has no value (void)");
        }
        Eval ve = v.eval;
        Eval align = h.alignment() == null ? null
            : Conversions.implicit(value(h.alignment()), CsType.INT, h.alignment().pos());
        String format = h.format();
        parts.add(f -> {
          String text = format == null ? Values.toText(ve.eval(f)) : CsFormat.toFormattedString(ve.eval(f), format);
          return align == null ? text : CsFormat.align(text, (Integer) align.eval(f));
        });
      }
    }
    Eval[] arr = parts.toArray(Eval[]::new);
    return Bound.of(s.pos(), CsType.STRING, f -> {
      StringBuilder sb = new StringBuilder();
      for (Eval e : arr) {
        sb.append((String) e.eval(f));
      }
      return f.checkString(sb.toString());
    });
  }

  private Bound conditional(Conditional c) {
    Eval cond = condition(c.condition());
    Bound a = value(c.whenTrue());
    Bound b = value(c.whenFalse());
    CsType type = Conversions.common(a, b);
    if (type == null) {
      throw new CompileError(c.pos(), "type of conditional expression cannot be determined because there is no"
          + " implicit conversion between %s and %s", a.type.name, b.type.name);
    }
    Eval ae = Conversions.implicit(a, type, a.pos);
    Eval be = Conversions.implicit(b, type, b.pos);
    return Bound.of(c.pos(), type, f -> Boolean.TRUE.equals(cond.eval(f)) ? ae.eval(f) : be.eval(f));
  }

  /** A {@code bool} condition. */
  Eval condition(Expr e) {
    Bound b = value(e);
    if (b.type != CsType.BOOL) {
      throw new CompileError(e.pos(), "cannot implicitly convert type %s to 'bool'", b.type.name);
    }
    return b.eval;
  }

  private Bound is(Is i) {
    Bound v = value(i.operand());
    Eval ve = v.eval;
    if (i.type() == null) {
      return Bound.of(i.pos(), CsType.BOOL, f -> ve.eval(f) == null);
    }
    CsType t = resolveType(i.type());
    if (i.name() == null) {
      return Bound.of(i.pos(), CsType.BOOL, f -> {
        Object x = ve.eval(f);
        return x != null && Values.isInstance(x, t);
      });
    }
    Local l = declare(i.pos(), i.name(), t.underlying(), false);
    int slot = l.slot();
    return Bound.of(i.pos(), CsType.BOOL, f -> {
      Object x = ve.eval(f);
      if (x != null && Values.isInstance(x, t)) {
        f.locals[slot] = x;
        return true;
      }
      return false;
    });
  }

  private Bound newArray(NewArray n) {
    CsType elem;
    List<Bound> items = new ArrayList<>();
    if (n.items() != null) {
      for (Expr x : n.items()) {
        items.add(value(x));
      }
    }
    if (n.elementType() == null) {
      if (items.isEmpty()) {
        throw new CompileError(n.pos(), "no best type found for implicitly-typed array");
      }
      elem = items.get(0).type;
      for (Bound b : items) {
        Bound probe = Bound.of(b.pos, elem, null);
        if (Conversions.implicitOk(b, elem)) {
          continue;
        }
        if (Conversions.implicitOk(probe, b.type)) {
          elem = b.type;
        } else {
          throw new CompileError(n.pos(), "no best type found for implicitly-typed array");
        }
      }
      if (elem == CsType.NULL) {
        throw new CompileError(n.pos(), "no best type found for implicitly-typed array");
      }
    } else {
      elem = resolveType(n.elementType());
    }
    CsType type = CsType.array(elem);
    CsType elemType = elem;
    if (n.size() != null) {
      Eval size = Conversions.implicit(value(n.size()), CsType.INT, n.size().pos());
      if (n.items() != null) {
        throw new CompileError(n.pos(), "array size and initializer together are not supported");
      }
      return Bound.of(n.pos(), type, f -> {
        int len = (Integer) size.eval(f);
        if (len < 0) {
          throw new CsException("OverflowException", "Arithmetic operation resulted in an overflow.");
        }
        f.checkSize(len);
        return Arrays2.create(elemType, len);
      });
    }
    Eval[] evals = new Eval[items.size()];
    for (int k = 0; k < evals.length; k++) {
      evals[k] = Conversions.implicit(items.get(k), elem, items.get(k).pos);
    }
    return Bound.of(n.pos(), type, f -> {
      Object arr = Arrays2.create(elemType, evals.length);
      for (int k = 0; k < evals.length; k++) {
        Arrays2.set(arr, k, evals[k].eval(f));
      }
      return arr;
    });
  }

  /** A bound two-parameter lambda: both arguments are written to their slots, one step per call. */
  record Fn2(int slot1, int slot2, Eval body, CsType returnType) {
    Object call(Frame f, Object a, Object b) {
      f.step();
      f.locals[slot1] = a;
      f.locals[slot2] = b;
      return body.eval(f);
    }
  }

  /** Binds a lambda whose parameter has type {@code param}. */
  Fn lambda(Bound b, CsType param) {
    requireLambda(b, 1);
    push();
    try {
      Local l = declare(b.lambda.pos(), b.lambda.parameters().get(0), param, true);
      Bound body = value(b.lambda.body());
      return new Fn(l.slot(), body.eval, body.type);
    } finally {
      pop();
    }
  }

  /**
   * Binds a two-parameter lambda; with {@code result} non-null its body must convert implicitly to that type (the
   * accumulator of {@code Aggregate}).
   */
  Fn2 lambda2(Bound b, CsType first, CsType second, CsType result) {
    requireLambda(b, 2);
    push();
    try {
      List<String> names = b.lambda.parameters();
      Local l1 = declare(b.lambda.pos(), names.get(0), first, true);
      Local l2 = declare(b.lambda.pos(), names.get(1), second, true);
      Bound body = value(b.lambda.body());
      if (result == null) {
        return new Fn2(l1.slot(), l2.slot(), body.eval, body.type);
      }
      return new Fn2(l1.slot(), l2.slot(), Conversions.implicit(body, result, body.pos), result);
    } finally {
      pop();
    }
  }

  private static void requireLambda(Bound b, int parameters) {
    if (b.lambda == null) {
      throw new CompileError(b.pos, "a lambda expression is expected here");
    }
    if (b.lambda.parameters().size() != parameters) {
      throw new CompileError(b.pos, "the lambda has " + b.lambda.parameters().size()
          + " parameter(s); this method expects " + parameters);
    }
  }

  /**
   * The store of an {@code out} argument whose parameter has type {@code type}: a new local for {@code out var x} /
   * {@code out T x}, else the assignable expression {@code out x}.
   */
  Bound.Store outTarget(Arg a, CsType type) {
    if (a.outName() != null) {
      CsType t = a.outType() == null || a.outType().name().equals("var") ? type : resolveType(a.outType());
      if (!t.equals(type)) {
        throw new CompileError(a.pos(), "the out parameter is of type %s, not %s", type.name, t.name);
      }
      int slot = declare(a.pos(), a.outName(), t, false).slot();
      return (f, v) -> f.locals[slot] = v;
    }
    Bound b = value(a.value());
    if (b.store == null) {
      throw new CompileError(a.pos(), "an out argument must be an assignable variable");
    }
    if (!b.type.equals(type)) {
      throw new CompileError(a.pos(), "the out parameter is of type %s, not %s", type.name, b.type.name);
    }
    return b.store;
  }

  /** Pushes a receiver slot for object initializers. */
  Local pushReceiver(CsType type) {
    Local r = new Local("?", slots++, type, true, null);
    receivers.push(r);
    return r;
  }

  void popReceiver() {
    receivers.pop();
  }

  // ---- types ----

  CsType resolveType(TypeRef t) {
    CsType base = Library.lookupType(t.name(), resolveTypes(t.args()));
    if (base == null) {
      String best = Library.nearest(t.name(), Library.TYPE_NAMES);
      throw new CompileError(t.pos(), "unknown or unsupported type %s" + (best == null ? "" : " (did you mean '"
          + best + "'?)"), t.toString());
    }
    if (t.nullable()) {
      base = CsType.nullable(base);
    }
    for (int i = 0; i < t.rank(); i++) {
      base = CsType.array(base);
    }
    return base;
  }

  List<CsType> resolveTypes(List<TypeRef> refs) {
    List<CsType> out = new ArrayList<>();
    for (TypeRef r : refs) {
      out.add(resolveType(r));
    }
    return out;
  }

  // ---- statements ----

  /** Binds a local function body with its declared return type; loops and switches outside it are not enclosing. */
  Exec functionBody(Block body, CsType declared) {
    CsType savedDeclared = functionReturn;
    int savedLoops = loopDepth;
    functionReturn = declared;
    loopDepth = 0;
    try {
      return scopedNoPush(body);
    } finally {
      functionReturn = savedDeclared;
      loopDepth = savedLoops;
    }
  }

  private Exec statementList(List<Stmt> list) {
    localFunctions.declareAll(list);
    Exec[] execs = new Exec[list.size()];
    for (int i = 0; i < execs.length; i++) {
      execs[i] = statement(list.get(i));
    }
    if (execs.length == 1) {
      return execs[0];
    }
    return f -> {
      for (Exec e : execs) {
        int r = e.run(f);
        if (r != Exec.NORMAL) {
          return r;
        }
      }
      return Exec.NORMAL;
    };
  }

  private Exec statement(Stmt s) {
    if (s instanceof Block b) {
      push();
      try {
        return statementList(b.statements());
      } finally {
        pop();
      }
    }
    if (s instanceof LocalFunction lf) {
      return localFunctions.define(lf);
    }
    if (s instanceof UncheckedBlock u) {
      uncheckedDepth++;
      try {
        return scoped(u.body());
      } finally {
        uncheckedDepth--;
      }
    }
    if (s instanceof Empty) {
      return f -> Exec.NORMAL;
    }
    if (s instanceof LocalDecl d) {
      return localDecl(d);
    }
    if (s instanceof ExprStmt x) {
      Eval e = value(x.expr()).eval;
      return f -> {
        e.eval(f);
        return Exec.NORMAL;
      };
    }
    if (s instanceof If i) {
      Eval c = condition(i.condition());
      Exec then = scoped(i.then());
      Exec other = i.otherwise() == null ? null : scoped(i.otherwise());
      return f -> Boolean.TRUE.equals(c.eval(f)) ? then.run(f) : other == null ? Exec.NORMAL : other.run(f);
    }
    if (s instanceof Return r) {
      return returnStmt(r);
    }
    if (s instanceof Throw t) {
      return Statements.throwStmt(this, t);
    }
    if (s instanceof Foreach fe) {
      return Statements.foreach(this, fe);
    }
    if (s instanceof For fo) {
      return Statements.forStmt(this, fo);
    }
    if (s instanceof While w) {
      Eval c = condition(w.condition());
      Exec body = loopBody(w.body());
      return f -> {
        while (Boolean.TRUE.equals(c.eval(f))) {
          f.step();
          int r = body.run(f);
          if (r == Exec.BREAK) {
            break;
          }
          if (r == Exec.RETURN) {
            return r;
          }
        }
        return Exec.NORMAL;
      };
    }
    if (s instanceof DoWhile w) {
      Exec body = loopBody(w.body());
      Eval c = condition(w.condition());
      return f -> {
        do {
          f.step();
          int r = body.run(f);
          if (r == Exec.BREAK) {
            break;
          }
          if (r == Exec.RETURN) {
            return r;
          }
        } while (Boolean.TRUE.equals(c.eval(f)));
        return Exec.NORMAL;
      };
    }
    if (s instanceof Break b) {
      if (loopDepth == 0) {
        throw new CompileError(b.pos(), "no enclosing loop or switch out of which to break");
      }
      return f -> Exec.BREAK;
    }
    if (s instanceof Continue c) {
      if (loopDepth == 0) {
        throw new CompileError(c.pos(), "no enclosing loop out of which to continue");
      }
      return f -> Exec.CONTINUE;
    }
    if (s instanceof Try t) {
      return Statements.tryStmt(this, t);
    }
    if (s instanceof Switch sw) {
      return Statements.switchStmt(this, sw);
    }
    if (s instanceof Using u) {
      push();
      try {
        Exec res = statement(u.resource());
        Exec body = scoped(u.body());
        return f -> {
          res.run(f);
          return body.run(f);
        };
      } finally {
        pop();
      }
    }
    throw new CompileError(s.pos(), "unsupported statement");
  }

  Exec scoped(Stmt s) {
    push();
    try {
      return statement(s);
    } finally {
      pop();
    }
  }

  /** Binds a statement in the current scope (for-loop initializers). */
  Exec scopedNoPush(Stmt s) {
    return statement(s);
  }

  void enterSwitch() {
    loopDepth++;
  }

  void exitSwitch() {
    loopDepth--;
  }

  Exec loopBody(Stmt s) {
    loopDepth++;
    try {
      return scoped(s);
    } finally {
      loopDepth--;
    }
  }

  /** {@code const T name = value;}: the value must be a compile-time constant; references fold to it. */
  private void declareConstant(Declarator dec, CsType type, Eval init) {
    Bound v = value(dec.init());
    if (!v.constant || v.value == null) {
      throw new CompileError(dec.init().pos(), "the expression being assigned to %s must be constant", dec.name());
    }
    Object value = init.eval(null);
    declare(dec.pos(), dec.name(), type, true);
    scopes.peek().put(dec.name(), new Local(dec.name(), hiddenSlot(), type, true, value));
  }

  private Exec localDecl(LocalDecl d) {
    List<Exec> execs = new ArrayList<>();
    for (Declarator dec : d.declarators()) {
      CsType type;
      Eval init = null;
      if (d.type() == null) {
        if (dec.init() == null) {
          throw new CompileError(dec.pos(), "implicitly-typed variables must be initialized");
        }
        Bound b = value(dec.init());
        if (b.type == CsType.NULL || b.type == CsType.VOID) {
          throw new CompileError(dec.pos(), "cannot assign %s to an implicitly-typed variable",
              b.type == CsType.NULL ? "null" : "void");
        }
        type = b.type;
        init = b.eval;
      } else {
        type = resolveType(d.type());
        if (dec.init() != null) {
          Expr ie = dec.init();
          if (ie instanceof NewArray na && na.elementType() == null && na.size() == null
              && type.kind == CsType.Kind.ARRAY) {
            init = bindArrayInit(na, type.a).eval;
          } else {
            init = Conversions.implicit(value(ie), type, ie.pos());
          }
        }
      }
      if (d.constant()) {
        declareConstant(dec, type, init);
        continue;
      }
      Local l = declare(dec.pos(), dec.name(), type, false);
      int slot = l.slot();
      Eval ie = init;
      Object def = Conversions.defaultValue(type);
      execs.add(ie == null ? f -> {
        f.locals[slot] = def;
        return Exec.NORMAL;
      } : f -> {
        f.locals[slot] = ie.eval(f);
        return Exec.NORMAL;
      });
    }
    Exec[] arr = execs.toArray(Exec[]::new);
    return f -> {
      for (Exec e : arr) {
        e.run(f);
      }
      return Exec.NORMAL;
    };
  }

  private Bound bindArrayInit(NewArray na, CsType elem) {
    List<Eval> evals = new ArrayList<>();
    for (Expr x : na.items()) {
      evals.add(Conversions.implicit(value(x), elem, x.pos()));
    }
    Eval[] arr = evals.toArray(Eval[]::new);
    return Bound.of(na.pos(), CsType.array(elem), f -> {
      Object a = Arrays2.create(elem, arr.length);
      for (int k = 0; k < arr.length; k++) {
        Arrays2.set(a, k, arr[k].eval(f));
      }
      return a;
    });
  }

  private Exec returnStmt(Return r) {
    if (functionReturn != null) {
      return functionReturn(r);
    }
    if (r.value() == null) {
      throw new CompileError(r.pos(), "an expression block must return a value");
    }
    Bound b = value(r.value());
    if (b.type == CsType.VOID) {
      throw new CompileError(r.pos(), "cannot return a void expression");
    }
    if (returnType == null) {
      returnType = b.type == CsType.NULL ? CsType.OBJECT : b.type;
    } else if (!returnType.equals(b.type)) {
      returnType = CsType.OBJECT;
    }
    Eval e = b.eval;
    return f -> {
      f.result = e.eval(f);
      return Exec.RETURN;
    };
  }

  private Exec functionReturn(Return r) {
    if (functionReturn == CsType.VOID) {
      if (r.value() != null) {
        throw new CompileError(r.pos(), "a void local function cannot return a value");
      }
      return f -> {
        f.result = null;
        return Exec.RETURN;
      };
    }
    if (r.value() == null) {
      throw new CompileError(r.pos(), "an object of type %s is expected after return", functionReturn.name);
    }
    Eval e = Conversions.implicit(value(r.value()), functionReturn, r.value().pos());
    return f -> {
      f.result = e.eval(f);
      return Exec.RETURN;
    };
  }

  // ---- reachability (spec 4.3) ----

  static boolean reachable(Stmt s) {
    if (s instanceof Return || s instanceof Throw) {
      return false;
    }
    if (s instanceof Block b) {
      for (Stmt x : b.statements()) {
        if (!reachable(x)) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof If i) {
      return i.otherwise() == null || reachable(i.then()) || reachable(i.otherwise());
    }
    if (s instanceof Try t) {
      if (t.fin() != null && !reachable(t.fin())) {
        return false;
      }
      boolean any = reachable(t.body());
      for (Catch c : t.catches()) {
        any |= reachable(c.body());
      }
      return any;
    }
    if (s instanceof While w) {
      return !(isTrue(w.condition()) && !containsBreak(w.body()));
    }
    if (s instanceof For f) {
      return !(f.condition() == null || isTrue(f.condition())) || containsBreak(f.body());
    }
    if (s instanceof DoWhile d) {
      return !(isTrue(d.condition()) && !containsBreak(d.body()));
    }
    if (s instanceof Using u) {
      return reachable(u.body());
    }
    if (s instanceof Switch sw) {
      boolean hasDefault = false;
      for (SwitchSection sec : sw.sections()) {
        hasDefault |= sec.hasDefault();
        for (Stmt x : sec.body()) {
          if (containsBreak(x)) {
            return true;
          }
        }
      }
      return !hasDefault;
    }
    return true;
  }

  private static boolean isTrue(Expr e) {
    return e instanceof Literal l && Boolean.TRUE.equals(l.value());
  }

  private static boolean containsBreak(Stmt s) {
    if (s instanceof Break) {
      return true;
    }
    if (s instanceof Block b) {
      return b.statements().stream().anyMatch(Binder::containsBreak);
    }
    if (s instanceof If i) {
      return containsBreak(i.then()) || (i.otherwise() != null && containsBreak(i.otherwise()));
    }
    if (s instanceof Try t) {
      return containsBreak(t.body()) || t.catches().stream().anyMatch(c -> containsBreak(c.body()))
          || (t.fin() != null && containsBreak(t.fin()));
    }
    if (s instanceof Using u) {
      return containsBreak(u.body());
    }
    return false;
  }
}
